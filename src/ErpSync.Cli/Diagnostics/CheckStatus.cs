namespace ErpSync.Cli.Diagnostics;

/// <summary>The verdict of one doctor check (JSON: <c>ok</c>, <c>warn</c>, <c>fail</c>, <c>skip</c>).</summary>
internal enum CheckStatus
{
    Ok,
    Warn,
    Fail,
    Skip,
}
