using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Emulator;
using ErpSync.Frappe.Tests.Transcripts;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Frappe.Tests.Integration;

/// <summary>
/// One emulated Frappe site over real HTTP on 127.0.0.1 per test class, with the DocTypes the transcripts were
/// recorded against (Sync Customer, Sync Item, Sync Order Item, Sync Order, Sync Note) created through the client
/// itself (<c>POST /api/resource/DocType</c>, as in 01-create-doctypes).
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private readonly EmulatedSiteFixture _site = new();

    public EmulatedSite Site => _site.Site;

    public async ValueTask InitializeAsync()
    {
        await _site.InitializeAsync();
        using var client = Client();
        foreach (var exchange in TranscriptLibrary.Exchanges("01-create-doctypes.json"))
            await client.InsertAsync("DocType", exchange.RequestBody!.AsObject(), CancellationToken.None);
        foreach (var item in new[] { "ITEM-001", "ITEM-002" })
            Site.Backdoor.Insert("Sync Item", new() { ["item_code"] = item, ["item_name"] = item, ["standard_rate"] = 10.5 });
        Site.Backdoor.Insert("Sync Customer", new() { ["customer_name"] = "Acme Corp" });
    }

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    /// <summary>Client options for this site with short backoffs so fault tests stay fast.</summary>
    public FrappeSiteOptions Options(SiteName site = SiteName.Cloud) => new()
    {
        Site = site,
        BaseUrl = Site.BaseUrl,
        ApiKey = Site.ApiKey,
        ApiSecret = Site.ApiSecret,
        Retry = new RetryRules { MaxAttempts = 3, BackoffSeconds = 0.01 },
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public FrappeSiteClient Client(FrappeSiteOptions? options = null, TimeProvider? time = null) =>
        FrappeSiteClient.Create(options ?? Options(), time);
}
