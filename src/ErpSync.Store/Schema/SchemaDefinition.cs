namespace ErpSync.Store.Schema;

/// <summary>An engine's migrations plus the few statements the migrator itself needs on that engine.</summary>
/// <param name="Migrations">In version order.</param>
/// <param name="CreateVersionTable">Creates <c>schema_version</c> if missing.</param>
/// <param name="SerializeMigrators">Makes concurrent openers wait for each other (empty where the transaction already does).</param>
/// <param name="CountKnownTables">Counts tables named like ours, to tell an empty database from a foreign one.</param>
internal sealed record SchemaDefinition(
    IReadOnlyList<Migration> Migrations,
    string CreateVersionTable,
    string SerializeMigrators,
    string CountKnownTables)
{
    public const string VersionTable = "schema_version";

    public static readonly IReadOnlyList<string> KnownTables = ["sync_records", "sync_logs", "conflict_records", "webhook_queue", "sync_cursors"];

    public int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;
}
