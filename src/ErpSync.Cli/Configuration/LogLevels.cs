using Serilog.Events;

namespace ErpSync.Cli.Configuration;

/// <summary>Log level spellings: Serilog's names plus the usual aliases (info, warn, trace, critical).</summary>
internal static class LogLevels
{
    public static IReadOnlyList<string> Names { get; } = ["verbose", "debug", "information", "warning", "error", "fatal"];

    public static bool TryParse(string text, out LogEventLevel level)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "verbose" or "trace": level = LogEventLevel.Verbose; return true;
            case "debug": level = LogEventLevel.Debug; return true;
            case "information" or "info": level = LogEventLevel.Information; return true;
            case "warning" or "warn": level = LogEventLevel.Warning; return true;
            case "error": level = LogEventLevel.Error; return true;
            case "fatal" or "critical": level = LogEventLevel.Fatal; return true;
            default: level = default; return false;
        }
    }
}
