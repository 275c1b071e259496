namespace ErpSync.Cli.Configuration;

/// <summary>
/// A secret value (API secret, webhook secret, database password). Its <see cref="ToString"/> never shows the
/// value, so a secret that reaches a log line, an exception message or a record's ToString stays hidden;
/// only <see cref="Reveal"/> hands it to the code that must send it.
/// </summary>
internal sealed class Secret : IEquatable<Secret>
{
    private readonly string value;

    public Secret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        this.value = value;
    }

    /// <summary>Length in characters (for strength checks; never the value).</summary>
    public int Length => value.Length;

    /// <summary>The value, for the one place that must send it (an Authorization header, an HMAC key).</summary>
    public string Reveal() => value;

    public override string ToString() => "[redacted]";

    public bool Equals(Secret? other) => other is not null && string.Equals(value, other.value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(value);
}
