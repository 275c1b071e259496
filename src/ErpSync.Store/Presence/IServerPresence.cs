namespace ErpSync.Store.Presence;

/// <summary>
/// Heartbeats of running <c>erpsync serve</c> processes, kept in the state database itself
/// (<c>server_instances</c>), so commands that must not run beside a server (<c>restore</c>, <c>reset</c>)
/// can tell one holds the database — on SQLite and on a shared PostgreSQL alike.
/// </summary>
/// <remarks>
/// A server calls <see cref="BeatAsync"/> at start and then well within <c>ttl</c> (a third of it is a good
/// period), and <see cref="LeaveAsync"/> when it stops gracefully. A server that dies simply stops
/// beating: its row expires after <c>ttl</c> and no longer counts.
/// </remarks>
public interface IServerPresence
{
    /// <summary>Records or refreshes <paramref name="instance"/> as alive until now + <paramref name="ttl"/>; durable on return.</summary>
    /// <param name="instance">Who is beating (its <see cref="ServerInstance.Id"/> is the key).</param>
    /// <param name="ttl">How long the beat counts without a newer one (at least one second).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task BeatAsync(ServerInstance instance, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Removes the row of <paramref name="instanceId"/> (graceful stop); nothing happens when it is absent.</summary>
    Task LeaveAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Servers whose last beat has not expired at the store's current time, oldest start first.</summary>
    Task<IReadOnlyList<ServerInstance>> ListLiveAsync(CancellationToken cancellationToken);
}
