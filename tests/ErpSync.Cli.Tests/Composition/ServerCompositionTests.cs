using ErpSync.Cli.Composition;
using ErpSync.Cli.Tests.Support;

namespace ErpSync.Cli.Tests.Composition;

public sealed class ServerCompositionTests
{
    [Fact]
    public void Options_FullConfiguration_MapsEnvServerSectionDocTypesAndRetry()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv.Replace("WEBHOOK_HOST=0.0.0.0", "WEBHOOK_HOST=127.0.0.1", StringComparison.Ordinal)
            .Replace("WEBHOOK_PORT=5000", "WEBHOOK_PORT=5123", StringComparison.Ordinal));
        folder.Write("config.yaml", ConfigFiles.ValidConfig + """

              retry:
                max_attempts: 7
                backoff_seconds: 1.5
            server:
              workers: 9
              sweep_interval_seconds: 0
              max_body_bytes: 65536
              lease_seconds: 45
            """);
        var config = ConfigLoading.Load(folder).Config;

        var options = ServerComposition.Options(config);

        options.Host.ShouldBe("127.0.0.1");
        options.Port.ShouldBe(5123);
        options.WebhookSecret.ShouldBe(ConfigFiles.WebhookSecret);
        options.DocTypes.ShouldBe(["Customer", "Item"]);
        options.Workers.ShouldBe(9);
        options.SweepInterval.ShouldBe(TimeSpan.Zero);
        options.MaxBodyBytes.ShouldBe(65536);
        options.Lease.ShouldBe(TimeSpan.FromSeconds(45));
        options.Retry.MaxAttempts.ShouldBe(7);
        options.Retry.BackoffSeconds.ShouldBe(1.5);
        options.ToString().ShouldNotContain(ConfigFiles.WebhookSecret);
    }

    [Fact]
    public void Options_HostAndPortGiven_OverrideWebhookHostAndPort()
    {
        using var folder = ConfigFiles.ValidFolder();
        var config = ConfigLoading.Load(folder).Config;

        var options = ServerComposition.Options(config, "::1", 0);

        options.Host.ShouldBe("::1");
        options.Port.ShouldBe(0);
        options.SweepInterval.ShouldBe(TimeSpan.FromSeconds(60));
        options.Workers.ShouldBe(4);
    }
}
