using Serilog.Events;
using Serilog.Formatting;

namespace ErpSync.Cli.Logging;

/// <summary>Formats with the inner formatter, then removes every known secret from the finished text.</summary>
internal sealed class RedactingFormatter : ITextFormatter
{
    private readonly ITextFormatter inner;
    private readonly SecretRedactor redactor;

    public RedactingFormatter(ITextFormatter inner, SecretRedactor redactor)
    {
        this.inner = inner;
        this.redactor = redactor;
    }

    public void Format(LogEvent logEvent, TextWriter output)
    {
        // Redacting the rendered text (not the event) also covers secrets inside exception messages,
        // structured property values and message templates built by concatenation.
        using var buffer = new StringWriter();
        inner.Format(logEvent, buffer);
        output.Write(redactor.Redact(buffer.ToString()));
    }
}
