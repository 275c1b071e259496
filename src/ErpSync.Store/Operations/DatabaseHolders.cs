using ErpSync.Store.Presence;

namespace ErpSync.Store.Operations;

/// <summary>Who holds a SQLite state database file right now.</summary>
/// <param name="FileInUse">Another connection, in this or any process, has the file open (SQLite refused an exclusive lock).</param>
/// <param name="LiveServers">Servers whose heartbeat in the file has not expired.</param>
public sealed record DatabaseHolders(bool FileInUse, IReadOnlyList<ServerInstance> LiveServers)
{
    /// <summary>Nobody: nothing has the file open and no server heartbeat is current.</summary>
    public static DatabaseHolders None { get; } = new(false, []);

    /// <summary>Whether anything holds the database.</summary>
    public bool Any => FileInUse || LiveServers.Count > 0;
}
