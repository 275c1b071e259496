using ErpSync.Cli.Tests.Support;

namespace ErpSync.Cli.Tests;

public sealed class CliAppTests
{
    private static readonly string[] CommandNames =
        ["init", "test", "sync", "serve", "webhook", "status", "conflicts", "retry", "setup-webhook", "doctor", "emulator", "demo"];

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        using var folder = new TempFolder();

        var result = await ErpSyncCli.RunAsync(folder.Path, "--help");

        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var name in CommandNames) result.Out.ShouldContain(name, customMessage: result.ToString());
        result.Out.ShouldContain("--env-file");
        result.Out.ShouldContain("--config");
        result.Out.ShouldContain("--verbose");
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("conflicts")]
    [InlineData("retry")]
    [InlineData("doctor")]
    public async Task Help_OfCommand_ListsItsOptions(string command)
    {
        using var folder = new TempFolder();

        var result = await ErpSyncCli.RunAsync(folder.Path, command, "--help");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("Usage:");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_NoArguments_ShowsHelpAndExitsWithUsage()
    {
        using var folder = new TempFolder();

        var result = await ErpSyncCli.RunAsync(folder.Path);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("Commands:");
        result.Error.ShouldContain("error: no command given");
    }

    [Theory]
    [InlineData("Did you mean 'sync'?", "sycn")]
    [InlineData("--direction must be auto, cloud_to_local or local_to_cloud, got 'up'", "sync", "--direction", "up")]
    [InlineData("--limit must be a whole number of at least 1, got '0'", "sync", "--limit", "0")]
    [InlineData("--limit must be a whole number of at least 1, got 'ten'", "sync", "--limit", "ten")]
    [InlineData("--docname needs --doctype too", "sync", "--docname", "CUST-00123")]
    [InlineData("Unrecognized command or argument '--bogus'", "sync", "--bogus")]
    [InlineData("--doctype needs a DocType name", "sync", "--doctype", " ")]
    [InlineData("'--keep' is required", "conflicts", "resolve", "5")]
    [InlineData("--keep must be cloud, local or merged, got 'mine'", "conflicts", "resolve", "5", "--keep", "mine")]
    [InlineData("'x' is not a conflict number", "conflicts", "show", "x")]
    [InlineData("Required argument missing", "conflicts", "show")]
    [InlineData("Say what to retry", "retry")]
    [InlineData("Use one of --doctype D, --id N or --all, not several", "retry", "--all", "--doctype", "Item")]
    [InlineData("--id must be a whole number of at least 1, got 'x'", "retry", "--id", "x")]
    [InlineData("--resolve is replaced by 'erpsync conflicts resolve ID --keep cloud|local|merged'", "conflicts", "--resolve")]
    [InlineData("Unrecognized command or argument 'extra'", "status", "--json", "extra")]
    [InlineData("Did you mean '--dry-run'?", "sync", "--dryrun")]
    public async Task UsageError_ExitsWithUsageAndOneClearLine(string message, params string[] args)
    {
        using var folder = ConfigFiles.ValidFolder();

        var result = await ErpSyncCli.RunAsync(folder.Path, args);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(message, Case.Sensitive, result.ToString());
        result.Error.ShouldStartWith("error: ");
        result.Error.ShouldNotContain("   at ");
        result.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task WebhookAlias_RunsServe()
    {
        using var folder = ConfigFiles.ValidFolder();

        var result = await ErpSyncCli.RunAsync(folder.Path, "webhook", "--help");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Run the server");
        result.Out.ShouldContain("--port");
    }

    [Fact]
    public async Task UnexpectedFailure_PrintsOneLineWithoutStackTrace()
    {
        using var folder = new TempFolder();

        var result = await ErpSyncCli.RunAsync(new CliOptions { Folder = folder.Path, StateDatabase = new ThrowingStateDatabase() }, "init");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("error: migration 3 failed");
        result.Error.ShouldContain("--verbose");
        result.Error.ShouldNotContain(" at ");
        result.Error.ShouldNotContain("disk full");
    }

    [Fact]
    public async Task UnexpectedFailure_Verbose_ShowsTheCauseChain()
    {
        using var folder = new TempFolder();

        var result = await ErpSyncCli.RunAsync(new CliOptions { Folder = folder.Path, StateDatabase = new ThrowingStateDatabase() }, "init", "--verbose");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("caused by InvalidOperationException: migration 3 failed");
        result.Error.ShouldContain("caused by IOException: disk full");
    }

    [Fact]
    public async Task UserError_Verbose_StillHasNoStackTrace()
    {
        using var folder = new TempFolder();
        folder.Write(".env", "CLOUD_ERP_URL=erp.example.com\n");

        var result = await ErpSyncCli.RunAsync(folder.Path, "test", "--verbose");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldNotContain(" at ErpSync");
    }

    [Fact]
    public async Task Cancellation_StopsTheCommandAndExitsInterrupted()
    {
        using var folder = new TempFolder();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var database = new BlockingStateDatabase();

        var run = ErpSyncCli.RunAsync(new CliOptions { Folder = folder.Path, StateDatabase = database, Cancellation = cancellation.Token }, "init");
        await database.Started.WaitAsync(TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();
        var result = await run;

        result.ExitCode.ShouldBe(130);
        result.Error.ShouldContain("error: interrupted");
    }
}
