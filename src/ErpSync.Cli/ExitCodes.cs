namespace ErpSync.Cli;

/// <summary>The process exit codes of every command.</summary>
internal static class ExitCodes
{
    /// <summary>It worked.</summary>
    public const int Success = 0;

    /// <summary>It did not: bad configuration, unreachable site, failed documents, a crossed alert threshold (status --check).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command or option, bad or missing value.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM (128 + SIGINT, the shell convention).</summary>
    public const int Interrupted = 130;
}
