using ErpSync.Cli.Composition;
using ErpSync.Cli.Tests.Support;
using ErpSync.Server;

namespace ErpSync.Cli.Tests.Composition;

public sealed class OperationsServerOptionsTests
{
    private static ServerOptions Base => new() { DocTypes = ["Customer"], Workers = 7 };

    [Fact]
    public void WithOperations_FullConfig_MapsAlertsScheduleAndRetention()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", ConfigFiles.ValidConfig + """

            server:
              reconcile_schedule: "weekly sun 03:30"
            retention: { logs_days: 30, queue_days: 7 }
            alerts:
              webhook_url: https://hooks.example.com/services/T0/B0/S3CR3T
              thresholds:
                errors: 5
                dead_letters: 2
                unresolved_conflicts: 0
                queue_age_seconds: 900
                site_unreachable: 60
            """);
        var config = ConfigLoading.Load(folder).Config;

        var options = Base.WithOperations(config);

        options.Workers.ShouldBe(7, "everything else is kept");
        options.Alerts.WebhookUrl.ShouldBe(new Uri("https://hooks.example.com/services/T0/B0/S3CR3T"));
        options.Alerts.Thresholds.Errors.ShouldBe(5);
        options.Alerts.Thresholds.DeadLetters.ShouldBe(2);
        options.Alerts.Thresholds.UnresolvedConflicts.ShouldBe(0);
        options.Alerts.Thresholds.QueueAge.ShouldBe(TimeSpan.FromMinutes(15));
        options.Alerts.Thresholds.SiteUnreachable.ShouldBe(TimeSpan.FromMinutes(1));
        options.Upkeep.LogsRetentionDays.ShouldBe(30);
        options.Upkeep.QueueRetentionDays.ShouldBe(7);
        options.Verification.Description.ShouldBe("weekly sun 03:30");
        // 2026-11-22 is a Sunday.
        options.Verification.NextRun!(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc)
            .ShouldBe(new DateTimeOffset(2026, 11, 22, 3, 30, 0, TimeSpan.Zero));
        options.ToString().ShouldNotContain("S3CR3T");
        Should.NotThrow(options.Validate);
    }

    [Fact]
    public void WithOperations_Defaults_NightlyVerificationDefaultThresholdsNoWebhook()
    {
        using var folder = ConfigFiles.ValidFolder();
        var config = ConfigLoading.Load(folder).Config;

        var options = Base.WithOperations(config);

        options.Alerts.WebhookUrl.ShouldBeNull();
        options.Alerts.Thresholds.ShouldBe(new Core.Alerts.AlertThresholds());
        options.Verification.Description.ShouldBe("daily 02:00");
        options.Verification.NextRun!(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc)
            .ShouldBe(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        options.Upkeep.LogsRetentionDays.ShouldBe(90);
        options.Upkeep.QueueRetentionDays.ShouldBe(30);
    }

    [Fact]
    public void WithOperations_ScheduleOff_TurnsVerificationOff()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", ConfigFiles.ValidConfig + "\nserver:\n  reconcile_schedule: \"off\"\n");
        var config = ConfigLoading.Load(folder).Config;

        Base.WithOperations(config).Verification.NextRun.ShouldBeNull();
    }
}
