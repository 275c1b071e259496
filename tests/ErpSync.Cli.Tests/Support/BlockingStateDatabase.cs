using ErpSync.Cli.Configuration;
using ErpSync.Cli.Init;

namespace ErpSync.Cli.Tests.Support;

/// <summary>A state database that signals when creation starts and then waits until cancelled.</summary>
internal sealed class BlockingStateDatabase : IStateDatabaseInitializer
{
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => started.Task;

    public async Task<StateDatabaseInitResult> InitializeAsync(DatabaseSettings database, CancellationToken cancellationToken)
    {
        started.SetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
