namespace ErpSync.Cli.Internal.Output;

/// <summary>Picks <see cref="OutputStyle"/>: rich only on a terminal, without <c>NO_COLOR</c> and not <c>TERM=dumb</c>.</summary>
internal static class OutputStyles
{
    public static OutputStyle For(bool isTerminal, IReadOnlyDictionary<string, string> environment)
    {
        if (!isTerminal) return OutputStyle.Plain;

        // https://no-color.org: any non-empty value turns colour off.
        if (environment.TryGetValue("NO_COLOR", out var noColor) && noColor.Length > 0) return OutputStyle.Plain;
        if (environment.TryGetValue("TERM", out var term) && term == "dumb") return OutputStyle.Plain;
        return OutputStyle.Rich;
    }
}
