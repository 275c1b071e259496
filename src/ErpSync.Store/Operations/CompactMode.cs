namespace ErpSync.Store.Operations;

/// <summary>How hard <see cref="IStateMaintenance.CompactAsync"/> works.</summary>
public enum CompactMode
{
    /// <summary>Statistics and a WAL checkpoint only; safe while a server writes (PostgreSQL: VACUUM ANALYZE, always online).</summary>
    Online,

    /// <summary>Also rewrites a SQLite file to return free pages to the disk (VACUUM); writers wait meanwhile.</summary>
    Full,
}
