using System.Diagnostics;
using System.Text.Json;

namespace ErpSync.Benchmarks.Sync;

/// <summary>Starts <see cref="SyncRunWorkload"/> in a child process (this same program) and returns what it measured.</summary>
internal static class SyncChild
{
    public static async Task<SyncRunResult> RunAsync(SiteLab sites, string database, int concurrency, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own path is unknown.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Under `dotnet ErpSync.Benchmarks.dll` the process is dotnet itself; the program is the entry assembly.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(SyncChild).Assembly.Location);
        foreach (var argument in new[] { "sync-run", "--cloud", sites.Cloud.BaseUrl.ToString(), "--local", sites.Local.BaseUrl.ToString(), "--db", database, "--concurrency", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_gcServer"] = "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sync-run child process.");
        var stdout = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var line = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith(SyncRunWorkload.ResultPrefix, StringComparison.Ordinal));
        var errors = await stderr;
        if (child.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"sync-run failed (exit {child.ExitCode}): {errors}");
        if (errors.Length > 0)
            await Console.Error.WriteAsync(errors);
        return JsonSerializer.Deserialize<SyncRunResult>(line[SyncRunWorkload.ResultPrefix.Length..])!;
    }
}
