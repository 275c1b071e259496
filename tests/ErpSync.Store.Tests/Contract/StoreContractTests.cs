using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.TestKit.Time;

namespace ErpSync.Store.Tests.Contract;

/// <summary>
/// Base of the contract suite: every derived test runs once on SQLite and once on PostgreSQL, each test
/// on a fresh database (a new file, or a new schema), with a fake clock both engines take their times from.
/// </summary>
public abstract class StoreContractTests(IStoreTarget target) : IAsyncLifetime
{
    private readonly List<IStateDatabase> _open = [];

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IStoreTarget Target => target;

    protected Task<string> NewSettingAsync() => target.NewSettingAsync(Ct);

    /// <summary>Opens a new database, or <paramref name="setting"/> again; closed after the test.</summary>
    protected async Task<IStateDatabase> OpenAsync(string? setting = null, TimeProvider? time = null)
    {
        var database = await StateDatabase.OpenAsync(setting ?? await NewSettingAsync(), time ?? Clock, null, Ct);
        _open.Add(database);
        return database;
    }

    protected async Task CloseAsync(IStateDatabase database)
    {
        _open.Remove(database);
        await database.DisposeAsync();
    }

    protected static NewQueueItem Event(string docName, string docType = "Customer", SiteName source = SiteName.Cloud, string action = "on_update") =>
        new(source, docType, docName, action, $$"""{"doctype":"{{docType}}","name":"{{docName}}"}""");

    protected static SyncRecord Pair(string docType, string? cloudName, string? localName, SyncStatus status = SyncStatus.Synced) => new()
    {
        DocType = docType,
        CloudName = cloudName,
        LocalName = localName,
        Status = status,
    };

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _open)
            await database.DisposeAsync();
        _open.Clear();
        GC.SuppressFinalize(this);
    }
}
