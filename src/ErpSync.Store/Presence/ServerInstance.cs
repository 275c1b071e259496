namespace ErpSync.Store.Presence;

/// <summary>One running server as recorded in <c>server_instances</c>.</summary>
/// <param name="Id">Unique per process run, e.g. <see cref="ForCurrentProcess"/>'s <c>host:pid:random</c>.</param>
/// <param name="Host">Machine name, for messages ("a server on db-01, process 4242").</param>
/// <param name="ProcessId">Operating-system process id.</param>
/// <param name="Version">erpsync version of that server, when known.</param>
/// <param name="StartedAt">When that server started (UTC).</param>
public sealed record ServerInstance(string Id, string Host, int ProcessId, string? Version, DateTimeOffset StartedAt)
{
    /// <summary>Time of the last beat (UTC); set on rows read back.</summary>
    public DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When the last beat stops counting (UTC); set on rows read back.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>This process, started at <paramref name="startedAt"/>.</summary>
    public static ServerInstance ForCurrentProcess(DateTimeOffset startedAt, string? version)
    {
        var host = Environment.MachineName;
        var pid = Environment.ProcessId;
        return new ServerInstance($"{host}:{pid}:{Guid.NewGuid().ToString("N")[..8]}", host, pid, version, startedAt);
    }

    /// <summary>"erpsync serve on HOST (process PID, started …, last seen …)".</summary>
    public string Describe() =>
        $"erpsync serve on {Host} (process {ProcessId}, started {StartedAt:yyyy-MM-dd HH:mm:ss} UTC, last heartbeat {LastSeenAt:yyyy-MM-dd HH:mm:ss} UTC)";
}
