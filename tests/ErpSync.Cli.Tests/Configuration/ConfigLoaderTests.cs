using ErpSync.Cli.Configuration;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.Configuration;
using Serilog.Events;

namespace ErpSync.Cli.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    [Fact]
    public void Load_EverySection_MapsOntoTheConfiguration()
    {
        using var folder = new TempFolder();
        folder.Write(".env", ConfigFiles.ValidEnv + "\nERPSYNC_DB=state/erpsync.db\n");
        folder.Write("config.yaml", """
            sync_rules:
              doctypes: [Customer, Item, Sales Order]
              exclude_fields: [custom_site_only]
              conflict_resolution: merge
              merge_fallback: latest_timestamp
              retry: { max_attempts: 7, backoff_seconds: 1.5 }
              batch_size: 250
              doctype_rules:
                Item:
                  direction: cloud_to_local
                  naming: same
                Sales Order:
                  conflict_resolution: manual
                  merge_fallback: cloud_wins
                  naming: mapped
                  key_fields:
                    items: [item_code, warehouse]
                    taxes: account_head
                  exclude_fields: [po_no]
            server:
              workers: 8
              sweep_interval_seconds: 30
              max_body_bytes: 2097152
              lease_seconds: 300
              reconcile_schedule: "0 3 * * 0"
            retention: { logs_days: 30, queue_days: 7 }
            alerts:
              webhook_url: https://hooks.example.com/T000/B000/XXXX
              thresholds: { errors: 5, dead_letters: 2, unresolved_conflicts: 3, queue_age_seconds: 60, site_unreachable: 30 }
            log: { file: logs/sync.log, level: debug, max_file_bytes: 1048576, retained_files: 3, format: json }
            """);

        var config = ConfigLoading.Load(folder).Config;

        config.Cloud!.Url.ShouldBe(new Uri("https://erp.example.com"));
        config.Cloud.ApiKey.ShouldBe("cloudkey123");
        config.Cloud.ApiSecret.Reveal().ShouldBe(ConfigFiles.CloudSecret);
        config.Local!.Url.ShouldBe(new Uri("http://localhost:8000"));
        config.Webhook.ShouldBe(new WebhookSettings("0.0.0.0", 5000, new Secret(ConfigFiles.WebhookSecret)));
        config.Database.Provider.ShouldBe(DatabaseProvider.Sqlite);
        config.Database.SqlitePath.ShouldBe(folder.File("state/erpsync.db"));

        var rules = config.SyncRules;
        rules.DocTypes.ShouldBe(["Customer", "Item", "Sales Order"]);
        rules.ExcludeFields.ShouldBe(["custom_site_only"]);
        rules.ConflictResolution.ShouldBe(ConflictStrategy.Merge);
        rules.MergeFallback.ShouldBe(ConflictStrategy.LatestTimestamp);
        rules.Retry.ShouldBe(new RetryRules { MaxAttempts = 7, BackoffSeconds = 1.5 });
        rules.BatchSize.ShouldBe(250);
        rules.DirectionFor("Item").ShouldBe(SyncDirectionRule.CloudToLocal);
        rules.RuleFor("Item").Naming.ShouldBe(NamingMode.Same);
        rules.StrategyFor("Sales Order").ShouldBe(ConflictStrategy.Manual);
        rules.MergeFallbackFor("Sales Order").ShouldBe(ConflictStrategy.CloudWins);
        rules.StrategyFor("Customer").ShouldBe(ConflictStrategy.Merge);
        var order = rules.RuleFor("Sales Order");
        order.Naming.ShouldBe(NamingMode.Mapped);
        order.KeyFields["items"].ShouldBe(["item_code", "warehouse"]);
        order.KeyFields["taxes"].ShouldBe(["account_head"]);
        order.ExcludeFields.ShouldBe(["po_no"]);

        config.Server.Workers.ShouldBe(8);
        config.Server.SweepIntervalSeconds.ShouldBe(30);
        config.Server.MaxBodyBytes.ShouldBe(2097152);
        config.Server.LeaseSeconds.ShouldBe(300);
        config.Server.ReconcileSchedule.Text.ShouldBe("0 3 * * 0");
        config.Retention.ShouldBe(new RetentionSettings(30, 7));
        config.Alerts.WebhookUrl!.Reveal().ShouldBe("https://hooks.example.com/T000/B000/XXXX");
        config.Alerts.Thresholds.ShouldBe(new AlertThresholds(5, 2, 3, 60, 30));
        config.Log.ShouldBe(new LogSettings(folder.File("logs/sync.log"), LogEventLevel.Debug, 1048576, 3, Json: true));
    }

    [Fact]
    public void Load_NoConfigYaml_UsesDefaultsWhenRulesAreNotNeeded()
    {
        using var folder = new TempFolder();
        folder.Write(".env", ConfigFiles.ValidEnv);

        var config = ConfigLoading.Load(folder, ConfigRequirements.Sites).Config;

        config.ConfigFileFound.ShouldBeFalse();
        config.SyncRules.ShouldBeEquivalentTo(new SyncRules());
        config.Server.ShouldBe(ServerSettings.Default);
        config.Database.SqlitePath.ShouldBe(folder.File("sync_state.db"));
        config.Log.File.ShouldBe(folder.File("erpsync.log"));
    }

    [Fact]
    public void Load_ProcessEnvironment_OverridesEnvFile()
    {
        using var folder = ConfigFiles.ValidFolder();
        var environment = new Dictionary<string, string>
        {
            ["CLOUD_ERP_URL"] = "https://override.example.com/",
            ["WEBHOOK_PORT"] = "7000",
            ["LOCAL_API_SECRET"] = "from-the-environment-1234",
            ["LOCAL_API_KEY"] = "   ",
        };

        var config = ConfigLoading.Load(folder, environment: environment).Config;

        config.Cloud!.Url.ShouldBe(new Uri("https://override.example.com"));
        config.Webhook.Port.ShouldBe(7000);
        config.Local!.ApiSecret.Reveal().ShouldBe("from-the-environment-1234");
        config.Local.ApiKey.ShouldBe("localkey456", "a blank variable counts as unset");
    }

    [Fact]
    public void Load_NoEnvFile_TakesEverythingFromTheEnvironment()
    {
        using var folder = new TempFolder();
        folder.Write("config.yaml", ConfigFiles.ValidConfig);
        var environment = ConfigFiles.ValidEnv.Split('\n').Select(l => l.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim());

        var config = ConfigLoading.Load(folder, environment: environment).Config;

        config.Cloud!.ApiSecret.Reveal().ShouldBe(ConfigFiles.CloudSecret);
        config.Webhook.Secret.ShouldNotBeNull();
    }

    [Fact]
    public void Load_RelativePaths_ResolveAgainstTheCurrentFolder()
    {
        using var folder = new TempFolder();
        folder.Write("conf/prod.env", ConfigFiles.ValidEnv + "\nERPSYNC_DB=../data/state.db\n");
        folder.Write("conf/rules.yaml", ConfigFiles.ValidConfig + "\nlog:\n  file: ../logs/erpsync.log\n");

        var config = ConfigLoading.Load(folder, envFile: "conf/prod.env", configFile: "conf/rules.yaml").Config;

        config.EnvFilePath.ShouldBe(folder.File("conf/prod.env"));
        config.ConfigFilePath.ShouldBe(folder.File("conf/rules.yaml"));
        config.Database.SqlitePath.ShouldBe(folder.File("data/state.db"), "relative to the .env that set it");
        config.Log.File.ShouldBe(folder.File("logs/erpsync.log"), "relative to the config.yaml that set it");
    }

    [Fact]
    public void Load_ExplicitFilesMissing_AreRefused()
    {
        using var folder = new TempFolder();

        var error = Should.Throw<ConfigurationException>(() => ConfigLoading.Load(folder, ConfigRequirements.None, envFile: "prod.env", configFile: "prod.yaml"));

        error.Errors.Select(e => e.ToString()).ShouldBe(
        [
            $"{folder.File("prod.env")}: not found. Check the path given to --env-file.",
            $"{folder.File("prod.yaml")}: not found. Check the path given to --config.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Load_ConfigYamlMissing_WhenRulesNeeded_PointsToInit()
    {
        using var folder = new TempFolder();
        folder.Write(".env", ConfigFiles.ValidEnv);

        var error = ConfigLoading.Refused(folder);

        error.Message.ShouldBe($"{folder.File("config.yaml")}: not found. Run erpsync init to write one here, or name yours with --config PATH.");
    }

    [Fact]
    public void Config_ToString_NeverShowsSecrets()
    {
        using var folder = ConfigFiles.ValidFolder();

        var text = ConfigLoading.Load(folder).Config.ToString();

        text.ShouldNotContain(ConfigFiles.CloudSecret);
        text.ShouldNotContain(ConfigFiles.LocalSecret);
        text.ShouldNotContain(ConfigFiles.WebhookSecret);
        text.ShouldContain("[redacted]");
    }
}
