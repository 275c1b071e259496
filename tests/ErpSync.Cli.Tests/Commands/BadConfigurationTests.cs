using ErpSync.Cli.Tests.Support;

namespace ErpSync.Cli.Tests.Commands;

/// <summary>What a user sees when <c>erpsync test</c> starts with a broken .env or config.yaml.</summary>
public sealed class BadConfigurationTests
{
    [Theory]
    [InlineData(".env", "CLOUD_API_SECRET=" + ConfigFiles.CloudSecret, "CLOUD_API_SECRET=", ".env: CLOUD_API_SECRET: is missing.")]
    [InlineData(".env", "LOCAL_ERP_URL=http://localhost:8000", "LOCAL_ERP_URL=localhost:8000", ".env:4: LOCAL_ERP_URL: has no http:// or https:// in front.")]
    [InlineData(".env", "WEBHOOK_PORT=5000", "WEBHOOK_PORT=65536", ".env:8: WEBHOOK_PORT: '65536' is not a TCP port.")]
    [InlineData("config.yaml", "latest_timestamp", "newest_wins", "config.yaml:5:24: sync_rules.conflict_resolution: unknown conflict strategy 'newest_wins'.")]
    [InlineData("config.yaml", "  doctypes:", "  doctype:", "config.yaml:2:3: sync_rules.doctype: unknown key 'doctype'. Did you mean 'doctypes'?")]
    [InlineData("config.yaml", "    - Item", "    - Item\n   bad: [", "config.yaml:5:4: is not valid YAML")]
    public async Task Test_BrokenFile_RefusesWithFileKeyAndFix(string file, string good, string bad, string expected)
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(file, folder.Read(file).Replace(good, bad, StringComparison.Ordinal));

        var result = await ErpSyncCli.RunAsync(folder.Path, "test");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldStartWith($"error: {folder.Path}/{expected}", Case.Sensitive, result.ToString());
        result.Error.ShouldNotContain("not available yet");
        result.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task Test_UnreachableUrl_GetsPastValidationAndNamesTheConnectionFailure()
    {
        using var folder = ConfigFiles.UnreachableFolder();

        var result = await ErpSyncCli.RunAsync(folder.Path, "test");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldStartWith("error: the cloud site and the local site failed the connection test: cloud site (http://127.0.0.1:1): ", Case.Sensitive, result.ToString());
        result.Error.ShouldContain("failed: connection refused by 127.0.0.1:1");
        result.Out.ShouldContain("[FAIL] cloud site http://127.0.0.1:1: ");
        result.Out.ShouldContain("fix: check that the site runs at the address and port in CLOUD_ERP_URL");
    }

    [Fact]
    public async Task Test_EnvironmentOverridesABadEnvFile()
    {
        using var folder = ConfigFiles.UnreachableFolder();
        folder.Write(".env", folder.Read(".env").Replace("WEBHOOK_PORT=5000", "WEBHOOK_PORT=99999", StringComparison.Ordinal));

        var result = await ErpSyncCli.RunAsync(folder.Path, new Dictionary<string, string> { ["WEBHOOK_PORT"] = "8080" }, "test");

        result.Error.ShouldContain("failed the connection test", customMessage: result.ToString());
    }

    [Fact]
    public async Task Test_EnvFileOption_ReadsThatFile()
    {
        using var folder = ConfigFiles.UnreachableFolder();
        File.Move(folder.File(".env"), folder.File("production.env"));

        var withoutOption = await ErpSyncCli.RunAsync(folder.Path, "test");
        var withOption = await ErpSyncCli.RunAsync(folder.Path, "test", "--env-file", "production.env");

        withoutOption.Error.ShouldContain("CLOUD_ERP_URL: is missing");
        withOption.Error.ShouldContain("failed the connection test", customMessage: withOption.ToString());
    }

    [Fact]
    public async Task Test_SeveralProblems_ListsThemAllUnderOneError()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", "CLOUD_ERP_URL=https://erp.example.com\n");

        var result = await ErpSyncCli.RunAsync(folder.Path, "test");

        var lines = result.Error.TrimEnd().Split('\n');
        lines[0].ShouldBe("error: the configuration has 5 problems:");
        lines.Skip(1).ShouldAllBe(l => l.StartsWith("  " + folder.Path, StringComparison.Ordinal));
        lines.Length.ShouldBe(6);
    }

    [Fact]
    public async Task Test_Warnings_GoToStandardError()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", folder.Read(".env").Replace("https://erp.example.com", "http://erp.example.com", StringComparison.Ordinal));

        // conflicts reads the whole configuration but contacts no site, so nothing waits on DNS here.
        var result = await ErpSyncCli.RunAsync(folder.Path, "conflicts");

        result.Error.ShouldStartWith($"warning: {folder.File(".env")}: CLOUD_ERP_URL uses plain http");
    }
}
