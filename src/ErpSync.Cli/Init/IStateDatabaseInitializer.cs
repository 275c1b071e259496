using ErpSync.Cli.Configuration;

namespace ErpSync.Cli.Init;

/// <summary>
/// Creates (or migrates) the state database for <c>erpsync init</c>. The seam phase B connects to
/// ErpSync.Store; until then <see cref="PendingStateDatabaseInitializer"/> only says what it would create.
/// </summary>
internal interface IStateDatabaseInitializer
{
    Task<StateDatabaseInitResult> InitializeAsync(DatabaseSettings database, CancellationToken cancellationToken);
}
