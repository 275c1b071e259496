using ErpSync.Cli.Configuration;
using ErpSync.Cli.Init;

namespace ErpSync.Cli.Tests.Support;

/// <summary>A state database whose creation fails the way a bug or broken disk would.</summary>
internal sealed class ThrowingStateDatabase : IStateDatabaseInitializer
{
    public Task<StateDatabaseInitResult> InitializeAsync(DatabaseSettings database, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("migration 3 failed", new IOException("disk full"));
}
