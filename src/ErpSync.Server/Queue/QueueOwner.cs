namespace ErpSync.Server.Queue;

/// <summary>This process's name on the leases it takes: host, process id and a random tag (several servers may share a host).</summary>
internal sealed class QueueOwner
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
