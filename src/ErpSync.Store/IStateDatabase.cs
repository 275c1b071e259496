using ErpSync.Core.State;
using ErpSync.Store.Operations;
using ErpSync.Store.Presence;

namespace ErpSync.Store;

/// <summary>
/// An open, migrated state database. Disposing it flushes pending writes and closes every connection.
/// </summary>
public interface IStateDatabase : IAsyncDisposable
{
    /// <summary>The engine behind it.</summary>
    StateProvider Provider { get; }

    /// <summary>Where it is, for messages and logs (<c>SQLite /path/sync_state.db</c>, <c>PostgreSQL user@host:port/db</c>); never holds a password.</summary>
    string Description { get; }

    /// <summary>Document pairs, audit log, conflicts and cursors.</summary>
    ISyncStore Store { get; }

    /// <summary>The durable work queue (<c>webhook_queue</c>).</summary>
    IWorkQueue Queue { get; }

    /// <summary>Per-document mutual exclusion (in-process on SQLite, across processes on PostgreSQL).</summary>
    IDocumentLocks Locks { get; }

    /// <summary>The schema version the database is at after opening (the newest this build knows).</summary>
    int SchemaVersion { get; }

    /// <summary>Size, online backup, retention, compaction and reset.</summary>
    IStateMaintenance Maintenance { get; }

    /// <summary>Heartbeats of running servers: a server beats here; <c>restore</c> and <c>reset</c> refuse while one is live.</summary>
    IServerPresence Servers { get; }
}
