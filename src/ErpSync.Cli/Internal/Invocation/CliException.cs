namespace ErpSync.Cli.Internal.Invocation;

/// <summary>
/// An expected failure the user can act on. Printed as one <c>error: …</c> line (plus <see cref="DetailLines"/>)
/// and mapped to <see cref="ExitCode"/>; never shown with a stack trace. The message must not contain a secret.
/// </summary>
internal class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failure, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    /// <summary>Extra lines printed under the error (e.g. every configuration problem).</summary>
    public virtual IReadOnlyList<string> DetailLines => [];

    /// <summary>A usage error found after parsing (exit 2).</summary>
    public static CliException Usage(string message) => new(message, ExitCodes.Usage);
}
