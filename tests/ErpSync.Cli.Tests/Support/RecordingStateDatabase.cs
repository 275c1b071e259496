using ErpSync.Cli.Configuration;
using ErpSync.Cli.Init;

namespace ErpSync.Cli.Tests.Support;

/// <summary>A state database that "creates" and remembers the settings it was given.</summary>
internal sealed class RecordingStateDatabase : IStateDatabaseInitializer
{
    public List<DatabaseSettings> Calls { get; } = [];

    public Task<StateDatabaseInitResult> InitializeAsync(DatabaseSettings database, CancellationToken cancellationToken)
    {
        Calls.Add(database);
        return Task.FromResult(new StateDatabaseInitResult(StateDatabaseInitOutcome.Created, $"created {database.Display}"));
    }
}
