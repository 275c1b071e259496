namespace ErpSync.Cli.Internal.Output;

/// <summary>The verdict shown in front of a check or step line.</summary>
internal enum Mark
{
    Ok,
    Fail,
    Warn,
    Skip,
    Info,
}
