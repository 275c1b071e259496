using ErpSync.Cli.Internal.Output;

namespace ErpSync.Cli.Tests.Support;

/// <summary>
/// A long-running command (<c>serve</c>, <c>demo --keep</c>) started in process; <see cref="StopAsync"/> cancels it
/// as SIGINT would and returns its exit code.
/// </summary>
internal sealed class RunningCli : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly CancellationTokenSource stop;
    private readonly Task<int> run;

    private RunningCli(LineSignalWriter output, StringWriter error, CancellationTokenSource stop, Task<int> run)
    {
        Output = output;
        Error = error;
        this.stop = stop;
        this.run = run;
    }

    public LineSignalWriter Output { get; }

    public StringWriter Error { get; }

    public Task<int> Exit => run;

    /// <summary>Starts <paramref name="args"/> in <paramref name="folder"/> and waits for a line containing <paramref name="readyMarker"/>.</summary>
    public static async Task<(RunningCli Cli, string ReadyLine)> StartAsync(string folder, string readyMarker, params string[] args)
    {
        var output = new LineSignalWriter(readyMarker);
        var error = new StringWriter();
        var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var host = new CliHost
        {
            Console = new CliConsole(output, error, false, false, 160),
            CurrentDirectory = folder,
            Environment = new Dictionary<string, string>(),
        };
        var run = Task.Run(() => CliApp.RunAsync(args, host, stop.Token));
        var cli = new RunningCli(output, error, stop, run);
        var ready = await Task.WhenAny(output.Matched, run, Task.Delay(ReadyTimeout, TestContext.Current.CancellationToken));
        if (ready == run)
            throw new InvalidOperationException($"erpsync {string.Join(' ', args)} ended (exit {await run}) before '{readyMarker}':\n{output}\n{error}");
        if (ready != output.Matched)
        {
            await cli.DisposeAsync();
            throw new TimeoutException($"erpsync {string.Join(' ', args)} printed no '{readyMarker}' within {ReadyTimeout.TotalSeconds:0} s:\n{output}\n{error}");
        }

        return (cli, await output.Matched);
    }

    public async Task<int> StopAsync()
    {
        await stop.CancelAsync();
        return await run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    public override string ToString() => $"--- stdout ---\n{Output}\n--- stderr ---\n{Error}";

    public async ValueTask DisposeAsync()
    {
        if (!run.IsCompleted)
        {
            await stop.CancelAsync();
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None));
        }

        stop.Dispose();
        Output.Dispose();
        Error.Dispose();
    }
}
