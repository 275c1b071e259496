using ErpSync.TestKit.Emulation;

namespace ErpSync.Cli.Tests.Support;

/// <summary>
/// A configured folder whose <c>.env</c> points at an emulated site pair, with a fresh SQLite state database,
/// the server bound to 127.0.0.1, the given DocTypes and the sweep off (so deliveries are webhooks only).
/// </summary>
internal static class SitePairFolder
{
    public const string WebhookSecret = "pair-webhook-secret-5f4e3d2c1b0a";

    public static TempFolder Create(EmulatedSitePair pair, IReadOnlyList<string> docTypes, string host = "127.0.0.1", int port = 5000)
    {
        var folder = new TempFolder();
        folder.Write(".env", $"""
            CLOUD_ERP_URL={pair.Cloud.BaseUrl.GetLeftPart(UriPartial.Authority)}
            CLOUD_API_KEY={pair.Cloud.ApiKey}
            CLOUD_API_SECRET={pair.Cloud.ApiSecret}
            LOCAL_ERP_URL={pair.Local.BaseUrl.GetLeftPart(UriPartial.Authority)}
            LOCAL_API_KEY={pair.Local.ApiKey}
            LOCAL_API_SECRET={pair.Local.ApiSecret}
            WEBHOOK_HOST={host}
            WEBHOOK_PORT={port}
            WEBHOOK_SECRET={WebhookSecret}
            """);
        folder.Write("config.yaml", $"""
            sync_rules:
              doctypes:
            {string.Join('\n', docTypes.Select(d => $"    - {d}"))}
              conflict_resolution: latest_timestamp
              retry:
                max_attempts: 3
                backoff_seconds: 0.1
            server:
              workers: 2
              sweep_interval_seconds: 0
            """);
        return folder;
    }
}
