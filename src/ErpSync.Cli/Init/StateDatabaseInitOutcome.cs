namespace ErpSync.Cli.Init;

/// <summary>What <see cref="IStateDatabaseInitializer"/> did.</summary>
internal enum StateDatabaseInitOutcome
{
    /// <summary>A new database was created and migrated.</summary>
    Created,

    /// <summary>The database existed; pending migrations (if any) were applied.</summary>
    AlreadyExisted,
}
