using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Operations;

/// <summary>A refusal with the lines that tell the operator what to do instead (e.g. the exact <c>pg_dump</c> command).</summary>
internal sealed class OperationRefusedException(string message, IReadOnlyList<string> detailLines, int exitCode = ExitCodes.Failure, Exception? innerException = null)
    : CliException(message, exitCode, innerException)
{
    public override IReadOnlyList<string> DetailLines => detailLines;
}
