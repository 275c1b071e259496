using System.Text;
using ErpSync.Cli.Configuration;

namespace ErpSync.Cli.Logging;

/// <summary>
/// The last line of defence against leaking secrets: every log line and error message passes through
/// <see cref="Redact"/>, which replaces each known secret — and the forms it travels in (the Basic
/// <c>key:secret</c> token, URL-encoding) — with <c>[redacted]</c>.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Replacement = "[redacted]";

    // Shorter values would also match ordinary text; secrets that short are refused by their checks anyway.
    private const int MinimumLength = 4;

    private readonly Lock gate = new();
    private string[] secrets = [];

    /// <summary>Every secret of <paramref name="config"/>, including the encodings API credentials are sent in.</summary>
    public void Add(ErpSyncConfig config)
    {
        var values = config.Secrets().Select(s => s.Reveal()).ToList();
        foreach (var site in new[] { config.Cloud, config.Local })
        {
            if (site is null) continue;
            var pair = $"{site.ApiKey}:{site.ApiSecret.Reveal()}";
            values.Add(pair);
            values.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        Add(values);
    }

    public void Add(IEnumerable<string> values)
    {
        var expanded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value.Length < MinimumLength) continue;
            expanded.Add(value);
            expanded.Add(Uri.EscapeDataString(value));
        }

        lock (gate)
        {
            // Longest first, so a secret that contains another is replaced whole.
            secrets = secrets.Concat(expanded).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
        }
    }

    public string Redact(string text)
    {
        var current = secrets;
        if (current.Length == 0 || string.IsNullOrEmpty(text)) return text;
        foreach (var secret in current)
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Replacement, StringComparison.Ordinal);
        }

        return text;
    }
}
