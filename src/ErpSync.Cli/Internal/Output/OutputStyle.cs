namespace ErpSync.Cli.Internal.Output;

/// <summary>How a stream is rendered.</summary>
internal enum OutputStyle
{
    /// <summary>No escape codes, no live redraws: pipes, files, CI logs, <c>NO_COLOR</c>, <c>TERM=dumb</c>.</summary>
    Plain,

    /// <summary>Spectre tables, colours and progress bars on an interactive terminal.</summary>
    Rich,
}
