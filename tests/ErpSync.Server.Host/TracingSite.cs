using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;

namespace ErpSync.Server.Host;

/// <summary>
/// A site client that reports every write with its start and end time (UTC ticks), so the test can prove that no
/// document was written by two processes at once and that each was created exactly once.
/// </summary>
internal sealed class TracingSite(IFrappeSite inner) : IFrappeSite
{
    public SiteName Site => inner.Site;

    public Task<SiteInfo> GetSiteInfoAsync(CancellationToken cancellationToken) => inner.GetSiteInfoAsync(cancellationToken);

    public Task<DocTypeMeta> GetMetaAsync(string doctype, CancellationToken cancellationToken) => inner.GetMetaAsync(doctype, cancellationToken);

    public Task<JsonObject?> GetAsync(string doctype, string name, CancellationToken cancellationToken) => inner.GetAsync(doctype, name, cancellationToken);

    public IAsyncEnumerable<JsonObject> ListAsync(ListQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

    public IAsyncEnumerable<DocStamp> ListStampsAsync(string doctype, CancellationToken cancellationToken) => inner.ListStampsAsync(doctype, cancellationToken);

    public IAsyncEnumerable<DocStamp> ListModifiedSinceAsync(string doctype, DocCursor? after, CancellationToken cancellationToken) =>
        inner.ListModifiedSinceAsync(doctype, after, cancellationToken);

    public IAsyncEnumerable<DeletedDocument> ListDeletedSinceAsync(string doctype, DocCursor? after, CancellationToken cancellationToken) =>
        inner.ListDeletedSinceAsync(doctype, after, cancellationToken);

    public async Task<JsonObject> InsertAsync(string doctype, JsonObject document, CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow.Ticks;
        var inserted = await inner.InsertAsync(doctype, document, cancellationToken);
        Report("insert", doctype, inserted["name"]?.GetValue<string>() ?? "?", start);
        return inserted;
    }

    public Task<WriteResult> UpdateAsync(string doctype, string name, JsonObject changes, string? expectedModified, CancellationToken cancellationToken) =>
        TraceAsync("update", doctype, name, () => inner.UpdateAsync(doctype, name, changes, expectedModified, cancellationToken));

    public Task<WriteResult> SubmitAsync(string doctype, string name, string? expectedModified, CancellationToken cancellationToken) =>
        TraceAsync("submit", doctype, name, () => inner.SubmitAsync(doctype, name, expectedModified, cancellationToken));

    public Task<WriteResult> CancelAsync(string doctype, string name, string? expectedModified, CancellationToken cancellationToken) =>
        TraceAsync("cancel", doctype, name, () => inner.CancelAsync(doctype, name, expectedModified, cancellationToken));

    public Task<bool> DeleteAsync(string doctype, string name, CancellationToken cancellationToken) =>
        TraceAsync("delete", doctype, name, () => inner.DeleteAsync(doctype, name, cancellationToken));

    public Task<string> RenameAsync(string doctype, string oldName, string newName, bool merge, CancellationToken cancellationToken) =>
        TraceAsync("rename", doctype, oldName, () => inner.RenameAsync(doctype, oldName, newName, merge, cancellationToken));

    private async Task<T> TraceAsync<T>(string operation, string doctype, string name, Func<Task<T>> write)
    {
        var start = DateTime.UtcNow.Ticks;
        var result = await write();
        Report(operation, doctype, name, start);
        return result;
    }

    // Names and DocTypes may hold spaces: tab-separated.
    private void Report(string operation, string doctype, string name, long start) =>
        HostOutput.Say(string.Join('\t', "write", Site.ToWire(), operation, doctype, name, start.ToString(CultureInfo.InvariantCulture), DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)));
}
