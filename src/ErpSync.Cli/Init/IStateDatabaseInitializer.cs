using ErpSync.Cli.Configuration;

namespace ErpSync.Cli.Init;

/// <summary>
/// Creates (or migrates) the state database for <c>erpsync init</c> through ErpSync.Store
/// (<see cref="StoreStateDatabaseInitializer"/>); tests substitute their own.
/// </summary>
internal interface IStateDatabaseInitializer
{
    Task<StateDatabaseInitResult> InitializeAsync(DatabaseSettings database, CancellationToken cancellationToken);
}
