using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Emulator;
using ErpSync.Frappe;

namespace ErpSync.Benchmarks.Sync;

/// <summary>
/// Two emulated sites on 127.0.0.1 in this process — cloud in Asia/Kolkata, local in Europe/Berlin, as in the
/// test suite — with optional latency injected into every API request of both.
/// </summary>
internal sealed class SiteLab : IAsyncDisposable
{
    private SiteLab(EmulatedSite cloud, EmulatedSite local)
    {
        Cloud = cloud;
        Local = local;
    }

    public EmulatedSite Cloud { get; }

    public EmulatedSite Local { get; }

    public static readonly IReadOnlyList<string> DocTypes = ["Customer", "Item", "Sales Order"];

    /// <summary>Rows per stamp page; <c>ERPSYNC_BENCH_STAMP_PAGE</c> overrides the product's default (for before/after figures).</summary>
    private static readonly int? StampPageSize = int.TryParse(Environment.GetEnvironmentVariable("ERPSYNC_BENCH_STAMP_PAGE"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var rows) ? rows : null;

    public static async Task<SiteLab> StartAsync(TimeSpan latency, string? webhookSecret, CancellationToken cancellationToken)
    {
        var cloud = await EmulatedSite.StartAsync(new EmulatorOptions { ApiKey = "cloud-key", ApiSecret = "cloud-secret", TimeZone = "Asia/Kolkata", SiteName = "cloud.bench", WebhookSecret = webhookSecret }, cancellationToken);
        var local = await EmulatedSite.StartAsync(new EmulatorOptions { ApiKey = "local-key", ApiSecret = "local-secret", TimeZone = "Europe/Berlin", SiteName = "local.bench", WebhookSecret = webhookSecret }, cancellationToken);
        cloud.Faults.Latency = latency;
        local.Faults.Latency = latency;
        return new SiteLab(cloud, local);
    }

    public EmulatedSite Site(SiteName site) => site == SiteName.Cloud ? Cloud : Local;

    /// <summary>A client configured as <c>erpsync</c> configures it (rows per page from <c>batch_size</c>, at least 100).</summary>
    public static FrappeSiteClient Client(SiteName site, Uri url, string key, string secret, int concurrency) =>
        FrappeSiteClient.Create(new FrappeSiteOptions
        {
            Site = site,
            BaseUrl = url,
            ApiKey = key,
            ApiSecret = secret,
            MaxConcurrency = concurrency,
            PageSize = Math.Max(new SyncRules().BatchSize, 100),
            StampPageSize = StampPageSize ?? Math.Max(new SyncRules().BatchSize, 1000),
            Retry = new SyncRules().Retry,
        });

    public FrappeSiteClient Client(SiteName site, int concurrency)
    {
        var emulated = Site(site);
        return Client(site, emulated.BaseUrl, emulated.ApiKey, emulated.ApiSecret, concurrency);
    }

    public async ValueTask DisposeAsync()
    {
        await Cloud.DisposeAsync();
        await Local.DisposeAsync();
    }
}
