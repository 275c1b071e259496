using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>
/// A running ErpSync.Server.Host: the real server in a process of its own, on the given state database and
/// site pair. Collects what it prints (<c>write</c> and <c>item</c> lines) so tests can check its work.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _listening.TrySetException(new InvalidOperationException("The server process ended before listening: " + string.Join('\n', _errors)));
                return;
            }

            _lines.Enqueue(e.Data);
            if (e.Data.StartsWith("listening ", StringComparison.Ordinal))
                _listening.TrySetResult(new Uri(e.Data["listening ".Length..]));
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _errors.Enqueue(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string Errors => string.Join('\n', _errors);

    /// <summary>Writes it made to a site: (site, operation, doctype, name, start, end).</summary>
    public IReadOnlyList<(string Site, string Operation, string DocType, string Name, DateTime Start, DateTime End)> Writes =>
        Lines.Where(l => l.StartsWith("write\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(p => (p[1], p[2], p[3], p[4], new DateTime(long.Parse(p[5], CultureInfo.InvariantCulture), DateTimeKind.Utc), new DateTime(long.Parse(p[6], CultureInfo.InvariantCulture), DateTimeKind.Utc)))
            .ToList();

    /// <summary>Queue items whose result it stored.</summary>
    public int Items => Lines.Count(l => l.StartsWith("item\t", StringComparison.Ordinal));

    public static async Task<(ServerProcess Process, Uri Url)> StartAsync(EmulatedSitePair sites, string database, double leaseSeconds = 30, int workers = 4, double graceSeconds = 5)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ErpSync.Server.Host.dll"));
        start.Environment["ERPSYNC_HOST_DB"] = database;
        start.Environment["ERPSYNC_HOST_CLOUD_URL"] = sites.Cloud.BaseUrl.ToString();
        start.Environment["ERPSYNC_HOST_CLOUD_KEY"] = sites.Cloud.ApiKey;
        start.Environment["ERPSYNC_HOST_CLOUD_SECRET"] = sites.Cloud.ApiSecret;
        start.Environment["ERPSYNC_HOST_LOCAL_URL"] = sites.Local.BaseUrl.ToString();
        start.Environment["ERPSYNC_HOST_LOCAL_KEY"] = sites.Local.ApiKey;
        start.Environment["ERPSYNC_HOST_LOCAL_SECRET"] = sites.Local.ApiSecret;
        start.Environment["ERPSYNC_HOST_WEBHOOK_SECRET"] = LiveSync.Secret;
        start.Environment["ERPSYNC_HOST_LEASE_SECONDS"] = leaseSeconds.ToString(CultureInfo.InvariantCulture);
        start.Environment["ERPSYNC_HOST_WORKERS"] = workers.ToString(CultureInfo.InvariantCulture);
        start.Environment["ERPSYNC_HOST_GRACE_SECONDS"] = graceSeconds.ToString(CultureInfo.InvariantCulture);
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("The server process did not start."));
        try
        {
            var url = await server._listening.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            return (server, url);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the process abruptly with SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Sends SIGTERM (what systemd sends on stop) and waits for the process to end; returns its exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return _process.ExitCode;
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
