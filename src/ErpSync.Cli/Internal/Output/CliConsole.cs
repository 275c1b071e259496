namespace ErpSync.Cli.Internal.Output;

/// <summary>
/// The process's standard streams, or in-memory writers in tests. Whether each stream is a terminal decides
/// between Spectre rendering (tables, colours, live progress) and plain text.
/// </summary>
/// <param name="Out">Standard output: the command's result (text or JSON).</param>
/// <param name="Error">Standard error: errors, warnings, logs, progress when output is piped.</param>
/// <param name="OutIsTerminal">Whether <paramref name="Out"/> is an interactive terminal.</param>
/// <param name="ErrorIsTerminal">Whether <paramref name="Error"/> is an interactive terminal.</param>
/// <param name="Width">Columns to render tables in, when known.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal, int? Width = null)
{
    /// <summary>The real console.</summary>
    public static CliConsole FromProcess()
    {
        int? width = null;
        try
        {
            // A pseudo-terminal without a size (script, some CI runners) reports 0 columns: treat it as unknown.
            if (!Console.IsOutputRedirected && Console.WindowWidth > 0) width = Console.WindowWidth;
        }
        catch (IOException)
        {
            // No console attached (service, CI): keep the default width.
        }

        return new CliConsole(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected, width);
    }
}
