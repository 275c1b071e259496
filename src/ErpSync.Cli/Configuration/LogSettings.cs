using Serilog.Events;

namespace ErpSync.Cli.Configuration;

/// <summary>The <c>log</c> section: the rolling log file of the CLI and server.</summary>
/// <param name="File">Absolute path of the log file; rolled daily and by size (<c>erpsync20250101.log</c>, <c>…_001.log</c>).</param>
/// <param name="Level">Minimum level written to the file.</param>
/// <param name="MaxFileBytes">Size at which a new file is started the same day.</param>
/// <param name="RetainedFiles">Files kept; older ones are deleted.</param>
/// <param name="Json">One JSON object per line instead of text lines.</param>
internal sealed record LogSettings(string File, LogEventLevel Level, long MaxFileBytes, int RetainedFiles, bool Json)
{
    public const string DefaultFile = "erpsync.log";
    public const LogEventLevel DefaultLevel = LogEventLevel.Information;
    public const long DefaultMaxFileBytes = 10L * 1024 * 1024;
    public const int DefaultRetainedFiles = 14;
}
