using System.Diagnostics;
using ErpSync.Cli.Tests.Support;

namespace ErpSync.Cli.Tests.Commands.Operations;

public sealed class ServiceCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Executable => Environment.ProcessPath!;

    [Fact]
    public async Task Install_Print_ShowsTheUnitAndWritesNothing()
    {
        using var state = new StateFolder();
        var units = state.Folder.File("units");

        var result = await state.RunAsync("service", "install", "--print", "--user", "erpsync", "--exec", Executable, "--unit-dir", units);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldBeEmpty();
        Directory.Exists(units).ShouldBeFalse();
        var unit = result.Out;
        unit.ShouldContain("\n[Service]\nType=simple\nUser=erpsync\n");
        unit.ShouldContain($"\nWorkingDirectory={state.Folder.Path}\n");
        unit.ShouldContain($"\nExecStart={Executable} serve\n");
        unit.ShouldContain("\nRestart=on-failure\n");
        unit.ShouldContain("\nKillSignal=SIGTERM\n");
        unit.ShouldContain("\nTimeoutStopSec=30\n");
        unit.ShouldContain("\nStandardOutput=journal\n");
        unit.ShouldContain("\nNoNewPrivileges=yes\n");
        unit.ShouldContain("\nProtectSystem=strict\n");
        unit.ShouldContain($"\nReadWritePaths={state.Folder.Path}\n");
        unit.ShouldContain("\nWantedBy=multi-user.target\n");
        unit.Split('\n').Where(line => line.StartsWith("MemoryDenyWriteExecute=", StringComparison.Ordinal)).ShouldBeEmpty("it breaks .NET's JIT");
        unit.ShouldNotContain(ConfigFiles.CloudSecret);
    }

    [Fact]
    public async Task Install_UnitDir_WritesTheUnitPrintsSystemctlCommandsAndIsIdempotent()
    {
        using var state = new StateFolder();
        var units = Directory.CreateDirectory(state.Folder.File("units")).FullName;
        string[] args = ["service", "install", "--user", "erpsync", "--exec", Executable, "--unit-dir", units];

        var first = await state.RunAsync(args);
        var again = await state.RunAsync(args);

        first.ExitCode.ShouldBe(0, first.ToString());
        var path = Path.Combine(units, "erpsync.service");
        first.Out.ShouldContain($"[OK] wrote {path}");
        first.Out.ShouldContain("sudo systemctl daemon-reload");
        first.Out.ShouldContain("sudo systemctl enable --now erpsync.service");
        first.Out.ShouldContain("journalctl -u erpsync.service -f");
        (await File.ReadAllTextAsync(path, Ct)).ShouldBe((await state.RunAsync([.. args, "--print"])).Out);
        again.ExitCode.ShouldBe(0);
        again.Out.ShouldContain("is already up to date");
    }

    [Fact]
    public async Task Install_DifferentExistingUnit_IsRefusedUnlessForced()
    {
        using var state = new StateFolder();
        var units = Directory.CreateDirectory(state.Folder.File("units")).FullName;
        var path = Path.Combine(units, "erpsync.service");
        await File.WriteAllTextAsync(path, "[Service]\nExecStart=/usr/bin/true\n", Ct);

        var refused = await state.RunAsync("service", "install", "--exec", Executable, "--unit-dir", units);
        var forced = await state.RunAsync("service", "install", "--exec", Executable, "--unit-dir", units, "--force");

        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("already exists with different content");
        forced.ExitCode.ShouldBe(0, forced.ToString());
        (await File.ReadAllTextAsync(path, Ct)).ShouldContain("ExecStart=" + Executable + " serve");
    }

    [Fact]
    public async Task Install_DatabaseAndLogsElsewhere_MakesThoseFoldersWritableAndPassesExplicitConfigPaths()
    {
        using var state = new StateFolder();
        using var data = new TempFolder();
        state.Folder.Write(".env", ConfigFiles.ValidEnv + $"\nERPSYNC_DB={data.File("state.db")}\nLOG_FILE={data.File("logs/erpsync.log")}\n");

        var result = await state.RunAsync("service", "install", "--print", "--exec", Executable, "--config", state.Folder.File("config.yaml"), "--name", "erpsync-eu");

        result.ExitCode.ShouldBe(0, result.ToString());
        // The log folder lies inside the database folder, so it is not listed twice.
        result.Out.ShouldContain($"\nReadWritePaths={state.Folder.Path} {data.Path}\n");
        result.Out.ShouldContain($"\nExecStart={Executable} serve --config {state.Folder.File("config.yaml")}\n");
        result.Out.ShouldContain("\nSyslogIdentifier=erpsync-eu\n");
    }

    [Theory]
    [InlineData("--user", "bad user")]
    [InlineData("--name", "erp sync")]
    [InlineData("--workdir", "/nonexistent/erpsync")]
    public async Task Install_BadValue_IsAUsageError(string option, string value)
    {
        using var state = new StateFolder();

        var result = await state.RunAsync("service", "install", "--print", "--exec", Executable, option, value);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("error: ");
    }

    [Fact]
    public async Task Install_WrittenUnit_PassesSystemdAnalyzeVerify()
    {
        var analyzer = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        if (analyzer is null)
        {
            Assert.Skip("systemd-analyze is not installed here, so the unit could not be verified (install the systemd package to run this test).");
        }

        using var state = new StateFolder();
        var units = Directory.CreateDirectory(state.Folder.File("units")).FullName;
        var install = await state.RunAsync("service", "install", "--user", "root", "--exec", Executable, "--unit-dir", units);
        install.ExitCode.ShouldBe(0, install.ToString());

        var start = new ProcessStartInfo(analyzer!, ["verify", Path.Combine(units, "erpsync.service")]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(Ct);
        var stdout = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);

        // systemd-analyze exits 0 on unknown keys and bad values, reporting them on standard error only.
        process.ExitCode.ShouldBe(0, stderr + stdout);
        stderr.Split('\n').Where(line => line.Contains("erpsync.service", StringComparison.Ordinal)).ShouldBeEmpty(stderr);
    }
}
