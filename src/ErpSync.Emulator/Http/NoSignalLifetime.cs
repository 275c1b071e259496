using Microsoft.Extensions.Hosting;

namespace ErpSync.Emulator.Http;

/// <summary>
/// Keeps the emulator's host from taking over SIGINT/SIGTERM (the default console lifetime would swallow
/// them), so whoever hosts the site — a test, the CLI, the demo — decides when it stops.
/// </summary>
internal sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
