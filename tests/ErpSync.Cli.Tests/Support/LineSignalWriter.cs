using System.Text;

namespace ErpSync.Cli.Tests.Support;

/// <summary>
/// Standard output of a long-running in-process command: keeps everything written and completes
/// <see cref="Matched"/> with the first whole line that contains <c>marker</c>, so tests wait on the signal.
/// </summary>
internal sealed class LineSignalWriter(string marker) : StringWriter
{
    private readonly StringBuilder line = new();
    private readonly TaskCompletionSource<string> matched = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> Matched => matched.Task;

    public override void Write(char value)
    {
        lock (line)
        {
            base.Write(value);
            if (value == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Contains(marker, StringComparison.Ordinal)) matched.TrySetResult(text);
            }
            else
            {
                line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "") Write(c);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override string ToString()
    {
        lock (line) return base.ToString();
    }
}
