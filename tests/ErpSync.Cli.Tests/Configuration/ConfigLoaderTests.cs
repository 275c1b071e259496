using ErpSync.Cli.Configuration;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.Configuration;
using Serilog.Events;

namespace ErpSync.Cli.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private static ConfigLoadResult Load(TempFolder folder, ConfigRequirements requirements = ConfigRequirements.All, IReadOnlyDictionary<string, string>? environment = null, string? envFile = null, string? configFile = null) =>
        ConfigLoader.Load(new ConfigSources(folder.Path, envFile, configFile, environment ?? NoEnvironment), requirements);

    private static ConfigurationException Refused(TempFolder folder, ConfigRequirements requirements = ConfigRequirements.All, IReadOnlyDictionary<string, string>? environment = null) =>
        Should.Throw<ConfigurationException>(() => Load(folder, requirements, environment));

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

        var config = Load(folder).Config;

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

        var config = Load(folder, ConfigRequirements.Sites).Config;

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

        var config = Load(folder, environment: environment).Config;

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

        var config = Load(folder, environment: environment).Config;

        config.Cloud!.ApiSecret.Reveal().ShouldBe(ConfigFiles.CloudSecret);
        config.Webhook.Secret.ShouldNotBeNull();
    }

    [Fact]
    public void Load_RelativePaths_ResolveAgainstTheCurrentFolder()
    {
        using var folder = new TempFolder();
        folder.Write("conf/prod.env", ConfigFiles.ValidEnv + "\nERPSYNC_DB=../data/state.db\n");
        folder.Write("conf/rules.yaml", ConfigFiles.ValidConfig + "\nlog:\n  file: ../logs/erpsync.log\n");

        var config = Load(folder, envFile: "conf/prod.env", configFile: "conf/rules.yaml").Config;

        config.EnvFilePath.ShouldBe(folder.File("conf/prod.env"));
        config.ConfigFilePath.ShouldBe(folder.File("conf/rules.yaml"));
        config.Database.SqlitePath.ShouldBe(folder.File("data/state.db"), "relative to the .env that set it");
        config.Log.File.ShouldBe(folder.File("logs/erpsync.log"), "relative to the config.yaml that set it");
    }

    [Fact]
    public void Load_ExplicitFilesMissing_AreRefused()
    {
        using var folder = new TempFolder();

        var error = Should.Throw<ConfigurationException>(() => Load(folder, ConfigRequirements.None, envFile: "prod.env", configFile: "prod.yaml"));

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

        var error = Refused(folder);

        error.Message.ShouldBe($"{folder.File("config.yaml")}: not found. Run erpsync init to write one here, or name yours with --config PATH.");
    }

    [Fact]
    public void Load_MissingSecret_NamesTheKeyAndTheFile()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv.Replace($"CLOUD_API_SECRET={ConfigFiles.CloudSecret}", "CLOUD_API_SECRET=", StringComparison.Ordinal));

        var error = Refused(folder);

        error.Errors.Count.ShouldBe(1);
        error.Message.ShouldStartWith($"{folder.File(".env")}: CLOUD_API_SECRET: is missing.");
        error.Message.ShouldContain("Generate Keys");
    }

    [Fact]
    public void Load_MissingSecrets_NotNeeded_AreAccepted()
    {
        using var folder = new TempFolder();

        var config = Load(folder, ConfigRequirements.None).Config;

        config.Cloud.ShouldBeNull();
        config.Webhook.Secret.ShouldBeNull();
    }

    [Fact]
    public void Load_MissingWebhookSecret_WhenNeeded_IsRefused()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv.Replace($"WEBHOOK_SECRET={ConfigFiles.WebhookSecret}", "", StringComparison.Ordinal));

        Refused(folder).Message.ShouldContain("WEBHOOK_SECRET: is missing. Set it to a long random string");
    }

    [Fact]
    public void Load_PlaceholderFromTheOriginalExample_IsRefusedByName()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv.Replace("cloudkey123", "your_actual_cloud_api_key_here", StringComparison.Ordinal));

        var error = Refused(folder);

        error.Message.ShouldBe($"{folder.File(".env")}:2: CLOUD_API_KEY: still holds the example placeholder. " +
            "In the cloud site open the user ErpSync acts as (User list > the user > Settings > API Access), press Generate Keys, " +
            "and copy the API Key into CLOUD_API_KEY and the API Secret (shown only once) into CLOUD_API_SECRET.");
    }

    [Theory]
    [InlineData("erp.example.com", "has no http:// or https:// in front")]
    [InlineData("ftp://erp.example.com", "uses the scheme 'ftp'")]
    [InlineData("https://admin:pw@erp.example.com", "contains a user name or password")]
    [InlineData("https://erp.example.com/api", "points inside the site (/api or /app)")]
    [InlineData("https://erp.example.com/?x=1", "has a query (?…) or fragment (#…)")]
    [InlineData("http://", "is not a valid URL")]
    public void Load_MalformedUrl_IsRefusedWithTheReason(string url, string problem)
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv.Replace("https://erp.example.com", url, StringComparison.Ordinal));

        var error = Refused(folder);

        error.Message.ShouldStartWith($"{folder.File(".env")}:1: CLOUD_ERP_URL: {problem}.");
        error.Message.ShouldNotContain("pw@");
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("0")]
    [InlineData("http")]
    public void Load_BadPort_IsRefused(string port)
    {
        using var folder = ConfigFiles.ValidFolder();

        var error = Refused(folder, environment: new Dictionary<string, string> { ["WEBHOOK_PORT"] = port });

        error.Message.ShouldBe($"environment: WEBHOOK_PORT: '{port}' is not a TCP port. Use a whole number from 1 to 65535 (default 5000).");
    }

    [Fact]
    public void Load_UnknownStrategy_SuggestsTheClosest()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", "sync_rules:\n  doctypes: [Customer]\n  conflict_resolution: latest\n");

        var error = Refused(folder);

        error.Message.ShouldBe($"{folder.File("config.yaml")}:3:24: sync_rules.conflict_resolution: unknown conflict strategy 'latest'. " +
            "Did you mean 'latest_timestamp'? Use one of: merge, latest_timestamp, cloud_wins, local_wins, manual.");
    }

    [Fact]
    public void Load_UnknownKey_SuggestsTheClosest()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", "sync_rules:\n  doctypes: [Customer]\n  conflict_resolutoin: manual\n");

        var error = Refused(folder);

        error.Message.ShouldStartWith($"{folder.File("config.yaml")}:3:3: sync_rules.conflict_resolutoin: unknown key 'conflict_resolutoin'. Did you mean 'conflict_resolution'?");
    }

    [Fact]
    public void Load_BadYaml_ReportsLineAndColumn()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", "sync_rules:\n  doctypes:\n    - Customer\n  batch_size: [1\n");

        var error = Refused(folder);

        error.Errors.Count.ShouldBe(1);
        error.Errors[0].Line.ShouldBe(5);
        error.Message.ShouldContain("is not valid YAML");
    }

    [Fact]
    public void Load_DuplicateYamlKey_IsRefused()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", "sync_rules:\n  doctypes: [Customer]\n  batch_size: 10\n  batch_size: 20\n");

        var error = Refused(folder);

        error.Message.ShouldContain("config.yaml:4:");
        error.Message.ShouldContain("is not valid YAML");
    }

    [Theory]
    [InlineData("sync_rules:\n  doctypes: Customer\n  batch_size: lots\n", "sync_rules.batch_size: 'lots' is not a whole number")]
    [InlineData("sync_rules:\n  doctypes: Customer\n  batch_size: 5000\n", "sync_rules.batch_size: 5000 is out of range. Use a whole number from 1 to 1000")]
    [InlineData("sync_rules:\n  doctypes: Customer\n  retry: 3\n", "sync_rules.retry: expected a section of 'key: value' lines, found '3'")]
    [InlineData("sync_rules:\n  doctypes: {a: b}\n", "sync_rules.doctypes: expected a list")]
    [InlineData("sync_rules:\n  doctypes: [Customer, Customer]\n", "sync_rules.doctypes[1]: 'Customer' is listed twice")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  merge_fallback: merge\n", "sync_rules.merge_fallback: merge cannot be its own fallback")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  doctype_rules:\n    Customr: {direction: cloud_to_local}\n", "sync_rules.doctype_rules.Customr: 'Customr' is not in sync_rules.doctypes. Did you mean 'Customer'?")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  doctype_rules:\n    Customer: {direction: both}\n", "sync_rules.doctype_rules.Customer.direction: unknown direction 'both'. Use one of: bidirectional, cloud_to_local, local_to_cloud")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  doctype_rules:\n    Customer: {naming: series}\n", "unknown naming mode 'series'. Use one of: auto, same, mapped")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  doctype_rules:\n    Customer: {key_fields: [item_code]}\n", "key_fields: expected child table fieldnames with their row keys")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  exclude_fields: [Customer Name]\n", "'Customer Name' is not a fieldname")]
    [InlineData("sync_rules:\n  doctypes: []\n", "sync_rules.doctypes: is empty")]
    [InlineData("server:\n  reconcile_schedule: daily 25:00\n", "server.reconcile_schedule: 'daily 25:00': '25:00' is not a time of day")]
    [InlineData("server:\n  sweep_interval_seconds: 2\n", "server.sweep_interval_seconds: 2 seconds would poll both sites nonstop")]
    [InlineData("alerts:\n  webhook_url: not-a-url\n", "alerts.webhook_url: is not an http(s) URL")]
    [InlineData("alerts:\n  thresholds: {errorz: 3}\n", "alerts.thresholds.errorz: unknown key 'errorz'. Did you mean 'errors'?")]
    [InlineData("log:\n  level: loud\n", "log.level: unknown level 'loud'")]
    [InlineData("syncrules:\n  doctypes: [Customer]\n", "syncrules: unknown key 'syncrules'. Did you mean 'sync_rules'?")]
    public void Load_BadValue_IsRefusedWithKeyAndFix(string yaml, string expected)
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", yaml);

        var error = Refused(folder);

        error.Errors.Select(e => e.ToString()).ShouldContain(e => e.Contains(expected, StringComparison.Ordinal), error.Message + string.Join('\n', error.DetailLines));
    }

    [Fact]
    public void Load_ManyProblems_AreAllReported()
    {
        using var folder = new TempFolder();
        folder.Write(".env", "CLOUD_ERP_URL=erp.example.com\nCLOUD_API_SECRT=x\nWEBHOOK_PORT=99999\n");
        folder.Write("config.yaml", "sync_rules:\n  doctypes: [Customer]\n  conflict_resolution: newest\n  batch_size: -1\n");

        var error = Refused(folder);

        error.Message.ShouldBe("the configuration has 11 problems:");
        var lines = string.Join('\n', error.DetailLines);
        lines.ShouldContain("CLOUD_ERP_URL: has no http://");
        lines.ShouldContain("CLOUD_API_SECRT: is not a setting ErpSync knows. Did you mean 'CLOUD_API_SECRET'?");
        lines.ShouldContain("WEBHOOK_PORT: '99999' is not a TCP port");
        lines.ShouldContain("conflict_resolution: unknown conflict strategy 'newest'");
        lines.ShouldContain("batch_size: -1 is out of range");
        lines.ShouldContain("LOCAL_ERP_URL: is missing");
        lines.ShouldContain("WEBHOOK_SECRET: is missing");
    }

    [Fact]
    public void Load_ForeignEnvKeys_AreIgnored()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv + "\nDJANGO_SECRET_KEY=abc\nDEBUG=False\nALLOWED_HOSTS=localhost\n");

        Should.NotThrow(() => Load(folder));
    }

    [Fact]
    public void Load_Errors_NeverContainSecretValues()
    {
        using var folder = new TempFolder();
        const string secret = "Sup3r-S3cret-Value-0042";
        folder.Write(".env", $"CLOUD_ERP_URL=https://admin:{secret}@erp.example.com\nCLOUD_API_SECRET=\"{secret}\" trailing\nERPSYNC_DB=postgres://u:{secret}@db/erp?bogus=1\n{secret}\nWEBHOOK_SECRET={secret}\nLOCAL_API_SECRET={secret}\n");
        folder.Write("config.yaml", $"alerts:\n  webhook_url: ftp://{secret}\n");

        var error = Refused(folder);

        var everything = error.Message + string.Join('\n', error.DetailLines) + string.Join('\n', error.Errors);
        everything.ShouldNotContain(secret);
        error.Errors.Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void Load_ConflictResolutionFromEnv_AppliesWhenConfigYamlHasNone()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", "sync_rules:\n  doctypes: [Customer]\n");
        folder.Write(".env", ConfigFiles.ValidEnv + "\nCONFLICT_RESOLUTION=cloud_wins\n");

        var result = Load(folder);

        result.Config.SyncRules.ConflictResolution.ShouldBe(ConflictStrategy.CloudWins);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Load_ConflictResolutionInBoth_ConfigYamlWinsWithAWarning()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv + "\nCONFLICT_RESOLUTION=manual\n");

        var result = Load(folder);

        result.Config.SyncRules.ConflictResolution.ShouldBe(ConflictStrategy.LatestTimestamp);
        result.Warnings.ShouldHaveSingleItem().ShouldContain("CONFLICT_RESOLUTION=manual is overridden by sync_rules.conflict_resolution: latest_timestamp");
    }

    [Fact]
    public void Load_UnknownConflictResolutionInEnv_IsRefused()
    {
        using var folder = ConfigFiles.ValidFolder();

        var error = Refused(folder, environment: new Dictionary<string, string> { ["CONFLICT_RESOLUTION"] = "cloud-wins" });

        error.Message.ShouldBe("environment: CONFLICT_RESOLUTION: 'cloud-wins' is not a conflict strategy. Did you mean 'cloud_wins'? Use one of: merge, latest_timestamp, cloud_wins, local_wins, manual.");
    }

    [Fact]
    public void Load_OriginalToolConfig_IsAcceptedAndPriorityHonoured()
    {
        using var folder = ConfigFiles.ValidFolder();

        // config.yaml as the original tool's README shows it.
        folder.Write("config.yaml", """
            sync_rules:
              # DocTypes to sync
              doctypes:
                - Customer
                - Item

              # Fields to exclude from sync
              exclude_fields:
                - modified_by
                - creation
                - owner

              # Conflict resolution: latest_timestamp, cloud_wins, local_wins, manual
              conflict_resolution: latest_timestamp

              # Per-DocType rules
              doctype_rules:
                Item:
                  direction: bidirectional
                  priority: cloud

              # Retry settings
              retry:
                max_attempts: 3
                backoff_seconds: 5

              # Batch size for bulk sync
              batch_size: 50
            """);
        folder.Write(".env", ConfigFiles.ValidEnv + "\nDATABASE_URL=sqlite:///sync_state.db\nSYNC_DOCTYPES=Customer,Item\nLOG_LEVEL=INFO\nLOG_FILE=/tmp/erpsync-test-never-written.log\n");

        var result = Load(folder);

        var rules = result.Config.SyncRules;
        rules.ConflictResolution.ShouldBe(ConflictStrategy.LatestTimestamp);
        rules.StrategyFor("Item").ShouldBe(ConflictStrategy.CloudWins);
        rules.Retry.MaxAttempts.ShouldBe(3);
        rules.BatchSize.ShouldBe(50);
        result.Config.Database.SqlitePath.ShouldBe(folder.File("sync_state.db"));
        result.Config.Log.Level.ShouldBe(LogEventLevel.Information);
        result.Config.Log.File.ShouldBe("/tmp/erpsync-test-never-written.log");
        result.Warnings.ShouldContain(w => w.Contains("'priority: cloud' is read as 'conflict_resolution: cloud_wins'", StringComparison.Ordinal));
        result.Warnings.ShouldContain(w => w.Contains("SYNC_DOCTYPES is ignored", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("postgres://erpsync:p%40ss;word@db.example.com:6432/erp?sslmode=require", "PostgreSQL db.example.com:6432/erp", "p@ss;word")]
    [InlineData("postgresql://erpsync@db.example.com/erp", "PostgreSQL db.example.com:5432/erp", null)]
    [InlineData("Host=db.example.com;Port=5433;Database=erp;Username=erpsync;Password=pw-123456", "PostgreSQL db.example.com:5433/erp", "pw-123456")]
    public void Load_PostgresDatabase_IsParsedWithoutShowingThePassword(string value, string display, string? password)
    {
        using var folder = ConfigFiles.ValidFolder();

        var config = Load(folder, environment: new Dictionary<string, string> { ["ERPSYNC_DB"] = value }).Config;

        config.Database.Provider.ShouldBe(DatabaseProvider.PostgreSql);
        config.Database.Display.ShouldBe(display);
        config.Database.ToString().ShouldNotContain("pw-123456");
        config.Database.ToString().ShouldNotContain("p@ss");
        config.Database.Password?.Reveal().ShouldBe(password);
        config.Database.ConnectionString!.Reveal().ShouldContain("Host=db.example.com");
        if (password is not null) config.Secrets().Select(s => s.Reveal()).ShouldContain(password);
    }

    [Theory]
    [InlineData("mysql://u:p@db/erp", "names a database ErpSync does not support")]
    [InlineData("Host=db;Databse=erp", "has the keyword 'Databse', which is not a PostgreSQL connection setting")]
    [InlineData("postgres://db.example.com", "has no database name")]
    public void Load_BadDatabase_IsRefused(string value, string problem)
    {
        using var folder = ConfigFiles.ValidFolder();

        var error = Refused(folder, environment: new Dictionary<string, string> { ["ERPSYNC_DB"] = value });

        error.Message.ShouldStartWith($"environment: ERPSYNC_DB: {problem}");
    }

    [Fact]
    public void Config_ToString_NeverShowsSecrets()
    {
        using var folder = ConfigFiles.ValidFolder();

        var text = Load(folder).Config.ToString();

        text.ShouldNotContain(ConfigFiles.CloudSecret);
        text.ShouldNotContain(ConfigFiles.LocalSecret);
        text.ShouldNotContain(ConfigFiles.WebhookSecret);
        text.ShouldContain("[redacted]");
    }
}
