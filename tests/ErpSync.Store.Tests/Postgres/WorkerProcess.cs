using System.Diagnostics;

namespace ErpSync.Store.Tests.Postgres;

/// <summary>A running ErpSync.Store.QueueWorker: a real second process on the same database.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public static WorkerProcess Start(string setting, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ErpSync.Store.QueueWorker.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ERPSYNC_WORKER_DB"] = setting;
        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("The queue worker did not start."));
    }

    public async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return line ?? throw new InvalidOperationException($"The queue worker ended early: {await _process.StandardError.ReadToEndAsync(cancellationToken)}");
    }

    public async Task<List<string>> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (await ReadLineAsync(cancellationToken) is var line && line != "done")
            lines.Add(line);
        await _process.WaitForExitAsync(cancellationToken);
        return lines;
    }

    public Task WriteLineAsync(string line) => _process.StandardInput.WriteLineAsync(line).ContinueWith(_ => _process.StandardInput.FlushAsync(), TaskScheduler.Default).Unwrap();

    /// <summary>Ends the process abruptly, as a crash or <c>kill -9</c> would.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
