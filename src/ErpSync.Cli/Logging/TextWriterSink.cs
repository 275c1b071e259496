using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace ErpSync.Cli.Logging;

/// <summary>Writes log events to a <see cref="TextWriter"/> (standard error, or a test's buffer).</summary>
internal sealed class TextWriterSink : ILogEventSink
{
    private readonly ITextFormatter formatter;
    private readonly TextWriter writer;
    private readonly Lock gate = new();

    public TextWriterSink(ITextFormatter formatter, TextWriter writer)
    {
        this.formatter = formatter;
        this.writer = writer;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
