using ErpSync.Cli.Configuration;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.Configuration;
using Serilog.Events;

namespace ErpSync.Cli.Tests.Configuration;

public sealed class OriginalToolCompatibilityTests
{
    [Fact]
    public void Load_ConflictResolutionFromEnv_AppliesWhenConfigYamlHasNone()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", "sync_rules:\n  doctypes: [Customer]\n");
        folder.Write(".env", ConfigFiles.ValidEnv + "\nCONFLICT_RESOLUTION=cloud_wins\n");

        var result = ConfigLoading.Load(folder);

        result.Config.SyncRules.ConflictResolution.ShouldBe(ConflictStrategy.CloudWins);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Load_ConflictResolutionInBoth_ConfigYamlWinsWithAWarning()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv + "\nCONFLICT_RESOLUTION=manual\n");

        var result = ConfigLoading.Load(folder);

        result.Config.SyncRules.ConflictResolution.ShouldBe(ConflictStrategy.LatestTimestamp);
        result.Warnings.ShouldHaveSingleItem().ShouldContain("CONFLICT_RESOLUTION=manual is overridden by sync_rules.conflict_resolution: latest_timestamp");
    }

    [Fact]
    public void Load_UnknownConflictResolutionInEnv_IsRefused()
    {
        using var folder = ConfigFiles.ValidFolder();

        var error = ConfigLoading.Refused(folder, environment: new Dictionary<string, string> { ["CONFLICT_RESOLUTION"] = "cloud-wins" });

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

        var result = ConfigLoading.Load(folder);

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
}
