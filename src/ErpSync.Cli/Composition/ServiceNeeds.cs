namespace ErpSync.Cli.Composition;

/// <summary>Which live services a command opens.</summary>
[Flags]
internal enum ServiceNeeds
{
    None = 0,
    Sites = 1,
    Database = 2,
    All = Sites | Database,
}
