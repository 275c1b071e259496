using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>
/// Passes every call to a real site client and counts it per operation; hooks let a test act between the engine's
/// read and its write (a concurrent edit) or make the process "crash" right after an insert reached the site.
/// </summary>
internal sealed class RecordingSite(IFrappeSite inner) : IFrappeSite
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>Runs before an update (doctype, name) is sent.</summary>
    public Func<string, string, Task>? BeforeUpdate { get; set; }

    /// <summary>Runs before an insert is sent (doctype).</summary>
    public Action<string>? BeforeInsert { get; set; }

    /// <summary>Awaited before an insert is sent (doctype): lets a test hold an insert in flight.</summary>
    public Func<string, Task>? HoldInsert { get; set; }

    /// <summary>Runs after an insert succeeded on the site, before the engine sees the answer (throw to simulate a crash).</summary>
    public Action<string, JsonObject>? AfterInsert { get; set; }

    public SiteName Site => inner.Site;

    /// <summary>Calls of <paramref name="operation"/> so far (<c>get</c>, <c>list</c>, <c>stamps</c>, <c>insert</c>, <c>update</c>, <c>submit</c>, <c>cancel</c>, <c>delete</c>, …).</summary>
    public int Calls(string operation) => _calls.GetValueOrDefault(operation);

    /// <summary>Writes of any kind so far.</summary>
    public int Writes => Calls("insert") + Calls("update") + Calls("submit") + Calls("cancel") + Calls("delete") + Calls("rename");

    /// <summary>Every call so far.</summary>
    public int Total => _calls.Values.Sum();

    public void Reset() => _calls.Clear();

    public Task<SiteInfo> GetSiteInfoAsync(CancellationToken cancellationToken) => Count("info", inner.GetSiteInfoAsync(cancellationToken));

    public Task<DocTypeMeta> GetMetaAsync(string doctype, CancellationToken cancellationToken) => Count("meta", inner.GetMetaAsync(doctype, cancellationToken));

    public Task<JsonObject?> GetAsync(string doctype, string name, CancellationToken cancellationToken) => Count("get", inner.GetAsync(doctype, name, cancellationToken));

    public IAsyncEnumerable<JsonObject> ListAsync(ListQuery query, CancellationToken cancellationToken)
    {
        Add("list");
        return inner.ListAsync(query, cancellationToken);
    }

    public IAsyncEnumerable<DocStamp> ListStampsAsync(string doctype, CancellationToken cancellationToken)
    {
        Add("stamps");
        return inner.ListStampsAsync(doctype, cancellationToken);
    }

    public IAsyncEnumerable<DocStamp> ListModifiedSinceAsync(string doctype, DocCursor? after, CancellationToken cancellationToken)
    {
        Add("modified-since");
        return inner.ListModifiedSinceAsync(doctype, after, cancellationToken);
    }

    public IAsyncEnumerable<DeletedDocument> ListDeletedSinceAsync(string doctype, DocCursor? after, CancellationToken cancellationToken)
    {
        Add("deleted-since");
        return inner.ListDeletedSinceAsync(doctype, after, cancellationToken);
    }

    public async Task<JsonObject> InsertAsync(string doctype, JsonObject document, CancellationToken cancellationToken)
    {
        Add("insert");
        BeforeInsert?.Invoke(doctype);
        if (HoldInsert is { } hold)
            await hold(doctype);
        var created = await inner.InsertAsync(doctype, document, cancellationToken);
        AfterInsert?.Invoke(doctype, created);
        return created;
    }

    public async Task<WriteResult> UpdateAsync(string doctype, string name, JsonObject changes, string? expectedModified, CancellationToken cancellationToken)
    {
        if (BeforeUpdate is { } hook)
            await hook(doctype, name);
        return await Count("update", inner.UpdateAsync(doctype, name, changes, expectedModified, cancellationToken));
    }

    public Task<WriteResult> SubmitAsync(string doctype, string name, string? expectedModified, CancellationToken cancellationToken) =>
        Count("submit", inner.SubmitAsync(doctype, name, expectedModified, cancellationToken));

    public Task<WriteResult> CancelAsync(string doctype, string name, string? expectedModified, CancellationToken cancellationToken) =>
        Count("cancel", inner.CancelAsync(doctype, name, expectedModified, cancellationToken));

    public Task<bool> DeleteAsync(string doctype, string name, CancellationToken cancellationToken) => Count("delete", inner.DeleteAsync(doctype, name, cancellationToken));

    public Task<string> RenameAsync(string doctype, string oldName, string newName, bool merge, CancellationToken cancellationToken) =>
        Count("rename", inner.RenameAsync(doctype, oldName, newName, merge, cancellationToken));

    private Task<T> Count<T>(string operation, Task<T> call)
    {
        Add(operation);
        return call;
    }

    private void Add(string operation) => _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
}
