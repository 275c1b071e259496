namespace ErpSync.Cli.Configuration;

/// <summary>
/// One configuration problem: where (file, line, column), which key (YAML path or .env key), what is wrong
/// and how to fix it. Never carries a secret value.
/// </summary>
/// <param name="Source">Absolute file path, or <c>environment</c> for a process variable.</param>
/// <param name="Key">YAML path (<c>sync_rules.retry.max_attempts</c>) or .env key (<c>CLOUD_API_SECRET</c>).</param>
/// <param name="Problem">What is wrong, without a trailing period.</param>
/// <param name="Fix">What to do about it.</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Column">1-based column, when known.</param>
internal sealed record ConfigError(string Source, string Key, string Problem, string Fix, int? Line = null, int? Column = null)
{
    public override string ToString()
    {
        var where = Line is { } line ? $"{Source}:{line}" + (Column is { } column ? $":{column}" : "") : Source;
        var key = string.IsNullOrEmpty(Key) ? "" : $"{Key}: ";
        var fix = string.IsNullOrEmpty(Fix) ? "" : $" {Fix}" + (Fix.EndsWith('.') || Fix.EndsWith('?') ? "" : ".");
        return $"{where}: {key}{Problem}.{fix}";
    }
}
