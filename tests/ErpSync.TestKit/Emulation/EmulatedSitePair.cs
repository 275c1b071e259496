using ErpSync.Emulator;

namespace ErpSync.TestKit.Emulation;

/// <summary>
/// Two emulated Frappe sites, "cloud" and "local", each on its own ephemeral port with its own API key and
/// time zone (Asia/Kolkata and Europe/Berlin by default, so cross-zone timestamp handling is always exercised).
/// </summary>
public sealed class EmulatedSitePair : IAsyncDisposable
{
    private EmulatedSitePair(EmulatedSite cloud, EmulatedSite local)
    {
        Cloud = cloud;
        Local = local;
    }

    public EmulatedSite Cloud { get; }

    public EmulatedSite Local { get; }

    /// <summary>Default options of the cloud site: Asia/Kolkata, key <c>cloud-key</c>.</summary>
    public static EmulatorOptions DefaultCloudOptions => new()
    {
        ApiKey = "cloud-key",
        ApiSecret = "cloud-secret",
        TimeZone = "Asia/Kolkata",
        SiteName = "cloud.emulated.local",
    };

    /// <summary>Default options of the local site: Europe/Berlin, key <c>local-key</c>.</summary>
    public static EmulatorOptions DefaultLocalOptions => new()
    {
        ApiKey = "local-key",
        ApiSecret = "local-secret",
        TimeZone = "Europe/Berlin",
        SiteName = "local.emulated.local",
    };

    public static async Task<EmulatedSitePair> StartAsync(EmulatorOptions? cloud = null, EmulatorOptions? local = null, CancellationToken ct = default)
    {
        var cloudSite = await EmulatedSite.StartAsync(cloud ?? DefaultCloudOptions, ct);
        try
        {
            var localSite = await EmulatedSite.StartAsync(local ?? DefaultLocalOptions, ct);
            return new EmulatedSitePair(cloudSite, localSite);
        }
        catch
        {
            await cloudSite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cloud.DisposeAsync();
        await Local.DisposeAsync();
    }
}
