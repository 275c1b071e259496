using ErpSync.Cli.Configuration;
using ErpSync.Cli.Init;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.Configuration;

namespace ErpSync.Cli.Tests.Commands;

public sealed class InitCommandTests
{
    [Fact]
    public async Task Init_EmptyFolder_WritesBothTemplatesAndCreatesTheDatabase()
    {
        using var folder = new TempFolder();

        var result = await ErpSyncCli.RunAsync(folder.Path, "init");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain($"[OK] wrote {folder.File("config.yaml")}");
        result.Out.ShouldContain($"[OK] wrote {folder.File(".env")}");
        result.Out.ShouldContain($"state database: created SQLite {folder.File("sync_state.db")}");
        result.Out.ShouldContain("erpsync test");
        folder.Read("config.yaml").ShouldBe(ConfigTemplates.ConfigYaml + "\n");
        File.Exists(folder.File("sync_state.db")).ShouldBeTrue();
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Init_EnvFile_IsPrivateAndHasARandomWebhookSecret()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        await ErpSyncCli.RunAsync(first.Path, "init");
        await ErpSyncCli.RunAsync(second.Path, "init");

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(first.File(".env")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var secret = WebhookSecretOf(first);
        secret.Length.ShouldBe(64);
        secret.ShouldNotBe(WebhookSecretOf(second));
    }

    [Fact]
    public async Task Init_FilesExist_NeverOverwritesThem()
    {
        using var folder = ConfigFiles.ValidFolder();
        var env = folder.Read(".env");
        var config = folder.Read("config.yaml");

        var result = await ErpSyncCli.RunAsync(folder.Path, "init");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain($"[SKIP] {folder.File("config.yaml")} already exists; left unchanged");
        result.Out.ShouldContain($"[SKIP] {folder.File(".env")} already exists; left unchanged");
        result.Out.ShouldContain("Next: run 'erpsync test'");
        folder.Read(".env").ShouldBe(env);
        folder.Read("config.yaml").ShouldBe(config);
    }

    [Fact]
    public async Task Init_OneFileExists_WritesTheOther()
    {
        using var folder = new TempFolder();
        folder.Write("config.yaml", ConfigFiles.ValidConfig);

        var result = await ErpSyncCli.RunAsync(folder.Path, "init");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("config.yaml already exists; left unchanged");
        result.Out.ShouldContain($"wrote {folder.File(".env")}");
        folder.Read("config.yaml").ShouldBe(ConfigFiles.ValidConfig);
    }

    [Fact]
    public async Task Init_ExistingFileIsBroken_SaysSoAndFails()
    {
        using var folder = new TempFolder();
        folder.Write("config.yaml", "sync_rules:\n  conflict_resolution: newest\n");

        var result = await ErpSyncCli.RunAsync(folder.Path, "init");

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain($"wrote {folder.File(".env")}");
        result.Error.ShouldContain("unknown conflict strategy 'newest'");
    }

    [Fact]
    public async Task Init_WithPaths_WritesWhereTold()
    {
        using var folder = new TempFolder();

        var result = await ErpSyncCli.RunAsync(folder.Path, "init", "--config", "etc/erpsync.yaml", "--env-file", "etc/erpsync.env");

        result.ExitCode.ShouldBe(0, result.ToString());
        File.Exists(folder.File("etc/erpsync.yaml")).ShouldBeTrue();
        File.Exists(folder.File("etc/erpsync.env")).ShouldBeTrue();
        result.Out.ShouldContain($"state database: created SQLite {folder.File("etc/sync_state.db")}");
    }

    [Fact]
    public async Task Init_StoreAvailable_CreatesTheDatabaseThroughTheSeam()
    {
        using var folder = new TempFolder();
        var database = new RecordingStateDatabase();

        var result = await ErpSyncCli.RunAsync(new CliOptions
        {
            Folder = folder.Path,
            StateDatabase = database,
            Environment = new Dictionary<string, string> { ["ERPSYNC_DB"] = "postgres://erpsync:pw-secret@db.example.com/erp" },
        }, "init");

        result.ExitCode.ShouldBe(0, result.ToString());
        database.Calls.ShouldHaveSingleItem().Display.ShouldBe("PostgreSQL db.example.com:5432/erp");
        result.Out.ShouldContain("[OK] state database: created PostgreSQL db.example.com:5432/erp");
        result.Out.ShouldNotContain("pw-secret");
    }

    [Fact]
    public async Task Templates_FilledIn_PassFullValidation()
    {
        using var folder = new TempFolder();
        await ErpSyncCli.RunAsync(folder.Path, "init");
        var env = folder.Read(".env")
            .Replace("CLOUD_ERP_URL=\n", "CLOUD_ERP_URL=https://erp.example.com\n", StringComparison.Ordinal)
            .Replace("CLOUD_API_KEY=\n", "CLOUD_API_KEY=abc123\n", StringComparison.Ordinal)
            .Replace("CLOUD_API_SECRET=\n", "CLOUD_API_SECRET=def456def456\n", StringComparison.Ordinal)
            .Replace("LOCAL_ERP_URL=\n", "LOCAL_ERP_URL=http://localhost:8000\n", StringComparison.Ordinal)
            .Replace("LOCAL_API_KEY=\n", "LOCAL_API_KEY=ghi789\n", StringComparison.Ordinal)
            .Replace("LOCAL_API_SECRET=\n", "LOCAL_API_SECRET=jkl012jkl012\n", StringComparison.Ordinal);
        File.WriteAllText(folder.File(".env"), env);

        var loaded = ConfigLoader.Load(new ConfigSources(folder.Path, null, null, new Dictionary<string, string>()), ConfigRequirements.All);

        loaded.Warnings.ShouldBeEmpty();
        var config = loaded.Config;
        config.Cloud.ShouldNotBeNull();
        config.Local.ShouldNotBeNull();
        config.Webhook.Secret.ShouldNotBeNull();
        config.SyncRules.DocTypes.ShouldBe(["Customer", "Supplier", "Item Group", "Item"]);
    }

    [Fact]
    public void ConfigTemplate_States_TheDefaultsOfTheCode()
    {
        using var folder = new TempFolder();
        folder.Write("config.yaml", ConfigTemplates.ConfigYaml);

        var config = ConfigLoader.Load(new ConfigSources(folder.Path, null, null, new Dictionary<string, string>()), ConfigRequirements.None).Config;

        var defaults = new SyncRules();
        config.SyncRules.ConflictResolution.ShouldBe(defaults.ConflictResolution);
        config.SyncRules.MergeFallback.ShouldBe(defaults.MergeFallback);
        config.SyncRules.Retry.ShouldBe(defaults.Retry);
        config.SyncRules.BatchSize.ShouldBe(defaults.BatchSize);
        config.SyncRules.ExcludeFields.ShouldBeEmpty();
        config.SyncRules.DocTypeRules.ShouldBeEmpty();
        (config.Server with { ReconcileSchedule = ServerSettings.Default.ReconcileSchedule }).ShouldBe(ServerSettings.Default);
        config.Server.ReconcileSchedule.Text.ShouldBe(ServerSettings.DefaultReconcileSchedule);
        config.Retention.ShouldBe(new RetentionSettings());
        config.Alerts.ShouldBe(new AlertSettings(null, new AlertThresholds()));
        config.Log.ShouldBe(new LogSettings(folder.File(LogSettings.DefaultFile), LogSettings.DefaultLevel, LogSettings.DefaultMaxFileBytes, LogSettings.DefaultRetainedFiles, false));
        config.Database.SqlitePath.ShouldBe(folder.File(DatabaseSettings.DefaultSqliteFile));
    }

    private static string WebhookSecretOf(TempFolder folder) =>
        folder.Read(".env").Split('\n').Single(l => l.StartsWith("WEBHOOK_SECRET=", StringComparison.Ordinal))["WEBHOOK_SECRET=".Length..];
}
