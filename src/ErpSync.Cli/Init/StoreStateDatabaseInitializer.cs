using ErpSync.Cli.Composition;
using ErpSync.Cli.Configuration;
using ErpSync.Store;

namespace ErpSync.Cli.Init;

/// <summary>Creates (or migrates) the state database through the store, reporting which it was.</summary>
internal sealed class StoreStateDatabaseInitializer(TimeProvider time) : IStateDatabaseInitializer
{
    public async Task<StateDatabaseInitResult> InitializeAsync(DatabaseSettings database, CancellationToken cancellationToken)
    {
        var existed = database.SqlitePath is { } path && File.Exists(path);
        await using var opened = await StateDatabase.OpenAsync(StateDatabaseSetting.From(database), time, null, cancellationToken);
        return existed
            ? new StateDatabaseInitResult(StateDatabaseInitOutcome.AlreadyExisted, $"{opened.Description} already exists (schema version {opened.SchemaVersion}); migrations applied where needed")
            : new StateDatabaseInitResult(StateDatabaseInitOutcome.Created, $"created {opened.Description} (schema version {opened.SchemaVersion})");
    }
}
