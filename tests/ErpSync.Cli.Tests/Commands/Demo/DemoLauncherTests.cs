using System.Diagnostics;
using ErpSync.Cli.Tests.Commands.Server;

namespace ErpSync.Cli.Tests.Commands.Demo;

/// <summary>
/// The newcomer's path exactly as the README gives it: <c>./erpsync demo</c> from the repository root, as a child
/// process. The launcher builds the CLI (Release) first when it is missing or stale, so this can take minutes.
/// </summary>
public sealed class DemoLauncherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Launcher_Demo_FromRepositoryRoot_PrintsSummaryExitsZeroAndLeavesNothingListening()
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("bash", ["./erpsync", "demo"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A build started from inside a test run must not inherit the test's MSBuild settings.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["NO_COLOR"] = "1";
        // Nor leave MSBuild nodes or the compiler server behind when the launcher has to build.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        var report = $"exit {process.ExitCode}\n--- stdout ---\n{output}\n--- stderr ---\n{await stderr}";
        process.ExitCode.ShouldBe(0, report);
        output.ShouldContain("Demo complete in", customMessage: report);
        output.ShouldContain("full sync Total 14, Success 14, Failed 0, Conflicts 0, Skipped 0; 3 live edits arrived by webhook; 1 conflict recorded", customMessage: report);
        output.ShouldContain("Unresolved conflicts: 1", customMessage: report);
        output.ShouldContain("Nothing is left running.", customMessage: report);
        foreach (var port in DemoOutput.Ports(output))
            (await ServeCommandTests.IsListeningAsync(port)).ShouldBeFalse($"port {port} still listening\n{report}");
        Directory.Exists(DemoOutput.Folder(output)).ShouldBeFalse(report);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "erpsync")) && File.Exists(Path.Combine(folder.FullName, "ErpSync.slnx")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"no repository root (holding ./erpsync and ErpSync.slnx) above {AppContext.BaseDirectory}");
    }
}
