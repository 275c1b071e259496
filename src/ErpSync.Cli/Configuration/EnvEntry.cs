namespace ErpSync.Cli.Configuration;

/// <summary>One <c>KEY=value</c> of a <c>.env</c> file and the line it is on.</summary>
internal sealed record EnvEntry(string Key, string Value, int Line)
{
    // The value may be a secret: keep it out of ToString.
    public override string ToString() => $"{Key} (line {Line})";
}
