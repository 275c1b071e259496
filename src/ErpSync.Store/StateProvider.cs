namespace ErpSync.Store;

/// <summary>The database engine behind a state database.</summary>
public enum StateProvider
{
    /// <summary>An embedded SQLite file: one process serves one pair of sites.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database several processes can share.</summary>
    Postgres,
}
