using ErpSync.Core.Configuration;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using ErpSync.Store;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>
/// One scenario's engine: the fixture's two sites behind recording decorators, a real state database (a fresh
/// SQLite file unless a setting is given) and a <see cref="SyncEngine"/> with the scenario's rules.
/// <see cref="RestartAsync"/> builds a new engine over the same sites and database, as a restarted process would.
/// </summary>
internal sealed class ScenarioHarness : IAsyncDisposable
{
    private readonly ScenarioSites _sites;
    private readonly SyncEngineOptions? _options;

    private ScenarioHarness(ScenarioSites sites, IStateDatabase database, SyncRules rules, SyncEngineOptions? options)
    {
        _sites = sites;
        _options = options;
        Database = database;
        Rules = rules;
        Cloud = new RecordingSite(sites.CloudClient);
        Local = new RecordingSite(sites.LocalClient);
        Engine = Build();
    }

    public IStateDatabase Database { get; }

    public ISyncStore Store => Database.Store;

    public SyncRules Rules { get; }

    public RecordingSite Cloud { get; }

    public RecordingSite Local { get; }

    public SyncEngine Engine { get; private set; }

    public static async Task<ScenarioHarness> StartAsync(ScenarioSites sites, SyncRules rules, string? databaseSetting = null, SyncEngineOptions? options = null)
    {
        var database = await StateDatabase.OpenAsync(databaseSetting ?? sites.Files.NewFile(), TimeProvider.System, null, TestContext.Current.CancellationToken);
        return new ScenarioHarness(sites, database, rules, options);
    }

    /// <summary>Rules syncing <paramref name="docTypes"/> with the given global strategy.</summary>
    public static SyncRules RulesFor(IReadOnlyList<string> docTypes, ConflictStrategy strategy = ConflictStrategy.Merge, ConflictStrategy fallback = ConflictStrategy.Manual,
        IReadOnlyDictionary<string, DocTypeRule>? perDocType = null) => new()
    {
        DocTypes = docTypes,
        ConflictResolution = strategy,
        MergeFallback = fallback,
        DocTypeRules = perDocType ?? new Dictionary<string, DocTypeRule>(),
    };

    /// <summary>A new engine over the same sites and database (what a restarted process would have).</summary>
    public SyncEngine Restart() => Engine = Build();

    public Task<SyncOutcome> SyncAsync(string docType, Sites.SiteName site, string name, SyncRunOptions? options = null) =>
        Engine.SyncDocumentAsync(docType, site, name, options ?? SyncRunOptions.Default, TestContext.Current.CancellationToken);

    public Task<SyncSummary> SyncDocTypeAsync(string docType, SyncRunOptions? options = null, IProgress<SyncProgress>? progress = null) =>
        Engine.SyncDocTypeAsync(docType, options ?? SyncRunOptions.Default, progress, TestContext.Current.CancellationToken);

    public Task<SyncSummary> SyncAllAsync(SyncRunOptions? options = null) =>
        Engine.SyncAllAsync(options ?? SyncRunOptions.Default, null, TestContext.Current.CancellationToken);

    public Task<SyncRecord?> RecordAsync(string docType, Sites.SiteName site, string name) =>
        Store.FindRecordAsync(docType, site, name, TestContext.Current.CancellationToken);

    public async Task<IReadOnlyList<SyncRecord>> RecordsAsync(string docType)
    {
        var records = new List<SyncRecord>();
        await foreach (var record in Store.ListRecordsAsync(docType, TestContext.Current.CancellationToken))
            records.Add(record);
        return records;
    }

    public async Task<IReadOnlyList<SyncLogEntry>> LogsAsync(string docType, string? name = null)
    {
        var logs = new List<SyncLogEntry>();
        await foreach (var log in Store.QueryLogsAsync(new LogQuery { DocType = docType, DocName = name }, TestContext.Current.CancellationToken))
            logs.Add(log);
        return logs;
    }

    public async Task<IReadOnlyList<ConflictRecord>> ConflictsAsync(string docType, bool includeResolved = true) =>
        (await Store.ListConflictsAsync(includeResolved, TestContext.Current.CancellationToken)).Where(c => c.DocType == docType).ToList();

    public void ResetCounts()
    {
        Cloud.Reset();
        Local.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        _sites.Cloud.Faults.Reset();
        _sites.Local.Faults.Reset();
        await Database.DisposeAsync();
    }

    private SyncEngine Build() => new(Cloud, Local, Database.Store, Database.Locks, Rules, TimeProvider.System, null, _options);
}
