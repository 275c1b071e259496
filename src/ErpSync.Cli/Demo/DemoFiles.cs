using System.Globalization;
using System.Security.Cryptography;
using ErpSync.Emulator;

namespace ErpSync.Cli.Demo;

/// <summary>
/// The demo's <c>.env</c> and <c>config.yaml</c>: the same files a user writes, pointing at the two emulated sites,
/// so the demo runs through the real configuration loader and composition — and <c>--keep</c> can hand them over.
/// </summary>
internal sealed class DemoFiles
{
    public static readonly IReadOnlyList<string> DocTypes = ["Customer", "Item", "Sales Order", "Sales Invoice"];

    private DemoFiles(string folder, string webhookSecret)
    {
        Folder = folder;
        WebhookSecret = webhookSecret;
    }

    public string Folder { get; }

    public string WebhookSecret { get; }

    public string EnvPath => Path.Combine(Folder, ".env");

    public string ConfigPath => Path.Combine(Folder, "config.yaml");

    public string DatabasePath => Path.Combine(Folder, "sync_state.db");

    public static DemoFiles Create(string folder) => new(folder, NewSecret());

    /// <summary>Fresh random credentials for one emulated site.</summary>
    public static EmulatorOptions SiteOptions(string key, string timeZone, string siteName) => new()
    {
        Port = 0,
        ApiKey = key,
        ApiSecret = NewSecret(),
        TimeZone = timeZone,
        SiteName = siteName,
    };

    public string Env(EmulatedSite cloud, EmulatedSite local, int port) => string.Join('\n',
        "# ErpSync demo: two emulated Frappe sites on this machine (they stop when the demo ends)",
        $"CLOUD_ERP_URL={Url(cloud)}",
        $"CLOUD_API_KEY={cloud.ApiKey}",
        $"CLOUD_API_SECRET={cloud.ApiSecret}",
        $"LOCAL_ERP_URL={Url(local)}",
        $"LOCAL_API_KEY={local.ApiKey}",
        $"LOCAL_API_SECRET={local.ApiSecret}",
        "WEBHOOK_HOST=127.0.0.1",
        $"WEBHOOK_PORT={port.ToString(CultureInfo.InvariantCulture)}",
        $"WEBHOOK_SECRET={WebhookSecret}",
        $"ERPSYNC_DB={DatabasePath}",
        "");

    public string Config() => string.Join('\n',
        "# ErpSync demo rules",
        "sync_rules:",
        "  doctypes:",
        string.Join('\n', DocTypes.Select(d => $"    - {d}")),
        "  # manual: a field both sites changed differently is recorded as a conflict for a person to settle",
        "  conflict_resolution: manual",
        "  retry:",
        "    max_attempts: 3",
        "    backoff_seconds: 0.5",
        "server:",
        "  workers: 2",
        "  # off, so every live change the demo shows arrived by webhook",
        "  sweep_interval_seconds: 0",
        "log:",
        $"  file: {Path.Combine(Folder, "erpsync.log")}",
        "");

    public void Write(EmulatedSite cloud, EmulatedSite local, int port)
    {
        File.WriteAllText(EnvPath, Env(cloud, local, port));
        File.WriteAllText(ConfigPath, Config());
    }

    private static string Url(EmulatedSite site) => site.BaseUrl.GetLeftPart(UriPartial.Authority);

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
