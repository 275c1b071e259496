using ErpSync.Cli.Configuration;
using ErpSync.Core.Sync;
using ErpSync.Frappe;
using ErpSync.Store;
using Microsoft.Extensions.Logging;

namespace ErpSync.Cli.Composition;

/// <summary>
/// The live objects a command works with — both sites' clients and the state database — built from one
/// validated configuration. Commands that need only some of them ask for those alone.
/// </summary>
internal sealed class SyncServices : IAsyncDisposable
{
    private SyncServices(ErpSyncConfig config, FrappeSiteClient? cloud, FrappeSiteClient? local, IStateDatabase? database, TimeProvider time, ILoggerFactory? loggers)
    {
        Config = config;
        Cloud = cloud;
        Local = local;
        Database = database;
        Time = time;
        Loggers = loggers;
    }

    public ErpSyncConfig Config { get; }

    public FrappeSiteClient? Cloud { get; }

    public FrappeSiteClient? Local { get; }

    public IStateDatabase? Database { get; }

    public TimeProvider Time { get; }

    public ILoggerFactory? Loggers { get; }

    public FrappeSiteClient RequireCloud() => Cloud ?? throw new InvalidOperationException("The cloud site is not configured.");

    public FrappeSiteClient RequireLocal() => Local ?? throw new InvalidOperationException("The local site is not configured.");

    public IStateDatabase RequireDatabase() => Database ?? throw new InvalidOperationException("The state database was not opened.");

    /// <summary>
    /// The sync engine over both sites and the state database (open them with <see cref="ServiceNeeds.All"/>).
    /// It reads the sites' metadata on first use and refuses a configuration that does not fit them.
    /// </summary>
    public SyncEngine CreateEngine(SyncEngineOptions? options = null)
    {
        var database = RequireDatabase();
        return new SyncEngine(RequireCloud(), RequireLocal(), database.Store, database.Locks, Config.SyncRules, Time, Loggers, options);
    }

    /// <summary>Opens what <paramref name="needs"/> asks for; sites need their settings to be present (validated by the loader).</summary>
    public static async Task<SyncServices> OpenAsync(ErpSyncConfig config, ServiceNeeds needs, TimeProvider time, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        var cloud = needs.HasFlag(ServiceNeeds.Sites) && config.Cloud is { } c ? SiteClientFactory.Create(c, config.SyncRules, time, loggers) : null;
        var local = needs.HasFlag(ServiceNeeds.Sites) && config.Local is { } l ? SiteClientFactory.Create(l, config.SyncRules, time, loggers) : null;
        IStateDatabase? database = null;
        if (needs.HasFlag(ServiceNeeds.Database))
        {
            try
            {
                database = await StateDatabase.OpenAsync(StateDatabaseSetting.From(config.Database), time, loggers, cancellationToken);
            }
            catch
            {
                cloud?.Dispose();
                local?.Dispose();
                throw;
            }
        }

        return new SyncServices(config, cloud, local, database, time, loggers);
    }

    public async ValueTask DisposeAsync()
    {
        Cloud?.Dispose();
        Local?.Dispose();
        if (Database is not null)
            await Database.DisposeAsync();
    }
}
