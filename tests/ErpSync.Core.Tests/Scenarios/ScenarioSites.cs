using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Emulator;
using ErpSync.Frappe;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Store;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>
/// Class fixture: two emulated sites (cloud in Asia/Kolkata, local in Europe/Berlin) on 127.0.0.1, the real REST
/// clients for them (no backoff, a circuit that never opens, so fault tests stay fast), and a directory for the
/// SQLite state files of the class's tests.
/// </summary>
public class ScenarioSites : EmulatedSitePairFixture, IAsyncLifetime
{
    private FrappeSiteClient? _cloud;
    private FrappeSiteClient? _local;

    public TemporaryDirectory Files { get; } = new();

    internal FrappeSiteClient CloudClient => _cloud ?? throw new InvalidOperationException("not started");

    internal FrappeSiteClient LocalClient => _local ?? throw new InvalidOperationException("not started");

    public EmulatorBackdoor CloudDb => Cloud.Backdoor;

    public EmulatorBackdoor LocalDb => Local.Backdoor;

    public EmulatorBackdoor Db(SiteName site) => site == SiteName.Cloud ? CloudDb : LocalDb;

    public EmulatedSite Site(SiteName site) => site == SiteName.Cloud ? Cloud : Local;

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _cloud = FrappeSiteClient.Create(Options(SiteName.Cloud, Cloud));
        _local = FrappeSiteClient.Create(Options(SiteName.Local, Local));
    }

    public new async ValueTask DisposeAsync()
    {
        _cloud?.Dispose();
        _local?.Dispose();
        Files.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static FrappeSiteOptions Options(SiteName site, EmulatedSite emulated) => new()
    {
        Site = site,
        BaseUrl = emulated.BaseUrl,
        ApiKey = emulated.ApiKey,
        ApiSecret = emulated.ApiSecret,
        PageSize = 7, // small pages: every list in the suite pages
        RequestTimeout = TimeSpan.FromSeconds(20),
        Retry = new RetryRules { MaxAttempts = 1, BackoffSeconds = 0 },
        Circuit = new FrappeCircuitOptions { MinimumThroughput = 100_000, BreakDuration = TimeSpan.FromSeconds(1) },
    };
}
