using System.Text.RegularExpressions;
using ErpSync.Cli.Tests.Commands.Server;
using ErpSync.Cli.Tests.Support;

namespace ErpSync.Cli.Tests.Commands.Demo;

public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_InProcess_RunsEveryStepThenLeavesNothingRunning()
    {
        using var folder = new TempFolder();

        var result = await ErpSyncCli.RunAsync(folder.Path, "demo");

        result.ExitCode.ShouldBe(0, result.ToString());
        var output = result.Out;
        output.ShouldContain("Total 14, Success 14, Failed 0, Conflicts 0, Skipped 0");
        Regex.IsMatch(output, @"Customer\s+\[#+\]\s+5/5").ShouldBeTrue(output);
        output.ShouldContain("24 Webhooks created on both sites");
        output.ShouldContain("cloud edits Customer Ganesh Traders (customer_details) -> local copy Ganesh Traders updated in");
        output.ShouldContain("local creates Customer Isar Logistics -> created on the cloud as Isar Logistics in");
        Regex.IsMatch(output, @"cloud submits Sales Order SAL-ORD-\d{4}-\d+ -> local copy SAL-ORD-\d{4}-\d+ submitted in").ShouldBeTrue(output);
        Regex.IsMatch(output, @"email_id\s+orders@kaveri\.example\s+purchasing@kaveri\.example").ShouldBeTrue(output);
        Regex.IsMatch(output, @"Customer\s+6\s+6\s+6\s+5\s+1\s+0").ShouldBeTrue(output);
        Regex.IsMatch(output, @"Sales Invoice\s+2\s+2\s+2\s+2\s+0\s+0").ShouldBeTrue(output);
        output.ShouldContain("Queue: 0 pending, 0 retrying, 0 in progress");
        output.ShouldContain("Unresolved conflicts: 1");
        output.ShouldContain("Nothing is left running.");
        result.Error.ShouldBeEmpty();
        foreach (var port in DemoOutput.Ports(output))
            (await ServeCommandTests.IsListeningAsync(port)).ShouldBeFalse($"port {port} still listening");
        Directory.Exists(DemoOutput.Folder(output)).ShouldBeFalse();
    }

    [Fact]
    public async Task Demo_Keep_PrintsAWorkingEnvAndStopsEverythingOnCtrlC()
    {
        using var folder = new TempFolder();
        var (demo, _) = await RunningCli.StartAsync(folder.Path, "Press Ctrl+C to stop", "demo", "--keep");
        await using var __ = demo;
        var printed = demo.Output.ToString();
        var files = FilesLine().Match(printed);
        files.Success.ShouldBeTrue(printed);
        var (env, config) = (files.Groups[1].Value, files.Groups[2].Value);
        printed.ShouldContain("WEBHOOK_HOST=127.0.0.1");
        printed.ShouldContain("  doctypes:");
        printed.ShouldContain($"erpsync status --env-file {env} --config {config}");

        // The printed files drive other commands against the running demo: its Webhooks are already in place.
        var check = await ErpSyncCli.RunAsync(folder.Path, "setup-webhook", "--apply", "--env-file", env, "--config", config);
        var exit = await demo.StopAsync();

        check.ExitCode.ShouldBe(0, check.ToString());
        check.Out.ShouldContain("Nothing to change: both sites already have all 24 Webhooks set up.");
        exit.ShouldBe(0, demo.ToString());
        demo.Output.ToString().ShouldContain("Nothing is left running.");
        foreach (var port in DemoOutput.Ports(printed))
            (await ServeCommandTests.IsListeningAsync(port)).ShouldBeFalse($"port {port} still listening");
        Directory.Exists(Path.GetDirectoryName(env)!).ShouldBeFalse();
    }

    [GeneratedRegex(@"Files:\s+(\S+\.env), (\S+config\.yaml), ")]
    private static partial Regex FilesLine();
}
