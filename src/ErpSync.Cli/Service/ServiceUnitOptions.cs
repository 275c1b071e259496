namespace ErpSync.Cli.Service;

/// <summary>What goes into the systemd unit of <c>erpsync serve</c>.</summary>
/// <param name="Name">Unit name without <c>.service</c> (default <c>erpsync</c>).</param>
/// <param name="User">Account the server runs as.</param>
/// <param name="WorkingDirectory">Folder with <c>.env</c> and <c>config.yaml</c>; relative paths in them resolve here.</param>
/// <param name="Command">The executable and its arguments (e.g. <c>/opt/erpsync/erpsync serve</c>).</param>
/// <param name="WritablePaths">Folders the server writes besides nothing else (state database, log file); the rest of the system is read-only to it.</param>
/// <param name="After">Units to start after besides the network (e.g. a local <c>postgresql.service</c>).</param>
/// <param name="BindsPrivilegedPort">Whether the webhook port is below 1024, which needs CAP_NET_BIND_SERVICE.</param>
internal sealed record ServiceUnitOptions(
    string Name,
    string User,
    string WorkingDirectory,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> WritablePaths,
    IReadOnlyList<string> After,
    bool BindsPrivilegedPort)
{
    public const string DefaultName = "erpsync";

    /// <summary>Seconds systemd waits after SIGTERM for the server to finish items in flight before SIGKILL.</summary>
    public const int StopTimeoutSeconds = 30;

    public string FileName => Name + ".service";
}
