using Microsoft.Extensions.Hosting;

namespace ErpSync.Server.Hosting;

/// <summary>
/// Keeps the web host from taking over SIGINT/SIGTERM: the caller (the CLI, which turns both signals into
/// its cancellation token, or a test) decides when the server stops, so the drain runs exactly once.
/// </summary>
internal sealed class CallerOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
