using ErpSync.Cli.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace ErpSync.Cli.Logging;

/// <summary>
/// Logging of the CLI and server process: a console sink on standard error and a rolling file
/// (new file each day and at <see cref="LogSettings.MaxFileBytes"/>, <see cref="LogSettings.RetainedFiles"/> kept),
/// both behind the <see cref="SecretRedactor"/>. Exposed as an <see cref="ILoggerFactory"/> for the other projects.
/// </summary>
internal sealed class CliLogging : IDisposable
{
    private const string FileTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";

    private const string ConsoleTemplate = "[{Level:u3}] {Message:lj}{NewLine}";
    private const string VerboseConsoleTemplate = "{Timestamp:HH:mm:ss} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    private readonly Logger logger;

    private CliLogging(Logger logger)
    {
        this.logger = logger;
        LoggerFactory = new SerilogLoggerFactory(logger);
    }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Builds the logging of one run.</summary>
    /// <param name="settings">The <c>log</c> section.</param>
    /// <param name="redactor">Secrets to keep out of every sink.</param>
    /// <param name="console">Where console log lines go (standard error).</param>
    /// <param name="consoleLevel">Minimum level on the console: warnings for commands, information for <c>serve</c>.</param>
    /// <param name="verbose">Whether console lines carry timestamps, categories and exception details.</param>
    public static CliLogging Create(LogSettings settings, SecretRedactor redactor, TextWriter console, LogEventLevel consoleLevel, bool verbose)
    {
        var directory = Path.GetDirectoryName(settings.File);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        ITextFormatter fileFormatter = settings.Json
            ? new JsonFormatter(renderMessage: true)
            : new MessageTemplateTextFormatter(FileTemplate, System.Globalization.CultureInfo.InvariantCulture);
        var consoleFormatter = new MessageTemplateTextFormatter(verbose ? VerboseConsoleTemplate : ConsoleTemplate, System.Globalization.CultureInfo.InvariantCulture);

        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(Min(settings.Level, consoleLevel))
            .Enrich.FromLogContext()
            .WriteTo.File(
                new RedactingFormatter(fileFormatter, redactor),
                settings.File,
                restrictedToMinimumLevel: settings.Level,
                fileSizeLimitBytes: settings.MaxFileBytes,
                rollingInterval: RollingInterval.Day,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: settings.RetainedFiles,
                // CLI commands and a running server may log from the same folder at once.
                shared: true)
            .WriteTo.Sink(new TextWriterSink(new RedactingFormatter(consoleFormatter, redactor), console), consoleLevel)
            .CreateLogger();
        return new CliLogging(logger);
    }

    public void Dispose()
    {
        LoggerFactory.Dispose();
        logger.Dispose();
    }

    private static LogEventLevel Min(LogEventLevel a, LogEventLevel b) => a < b ? a : b;
}
