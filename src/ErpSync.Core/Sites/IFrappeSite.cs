using System.Text.Json.Nodes;

namespace ErpSync.Core.Sites;

/// <summary>
/// Everything the sync engine may ask of one Frappe site. Implemented over HTTP by ErpSync.Frappe.
/// Documents are <see cref="JsonObject"/>s holding every field exactly as the server sent it (numbers and
/// date strings unchanged); a missing key means null, as in Frappe's GET responses.
/// Errors surface as <see cref="FrappeException"/> subclasses, except the expected outcomes noted per method.
/// </summary>
public interface IFrappeSite
{
    /// <summary>Which side of the pair this site is.</summary>
    SiteName Site { get; }

    /// <summary>Logged-in user, Frappe version, site time zone and one round trip's duration.</summary>
    Task<SiteInfo> GetSiteInfoAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Merged metadata of a DocType and of the child DocTypes of its Table fields. Cached for the lifetime
    /// of the client instance; <see cref="FrappeNotFoundException"/> for an unknown DocType.
    /// </summary>
    Task<DocTypeMeta> GetMetaAsync(string doctype, CancellationToken cancellationToken);

    /// <summary>The full document with child tables, or <c>null</c> when the site answers 404.</summary>
    Task<JsonObject?> GetAsync(string doctype, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Streams every row matching <paramref name="query"/>, page by page, in a stable order
    /// (<see cref="ListQuery.OrderBy"/>, default <c>modified asc, name asc</c>), holding one page in memory.
    /// </summary>
    IAsyncEnumerable<JsonObject> ListAsync(ListQuery query, CancellationToken cancellationToken);

    /// <summary>(name, modified) of every document of a DocType, ordered by (modified, name).</summary>
    IAsyncEnumerable<DocStamp> ListStampsAsync(string doctype, CancellationToken cancellationToken);

    /// <summary>
    /// (name, modified) of documents at or past <paramref name="after"/> in (modified, name) order, ordered by
    /// (modified, name); <c>null</c> means from the beginning. Ties on <c>modified</c> are returned, so callers
    /// de-duplicate against the cursor they hold.
    /// </summary>
    IAsyncEnumerable<DocStamp> ListModifiedSinceAsync(string doctype, DocCursor? after, CancellationToken cancellationToken);

    /// <summary>
    /// <c>Deleted Document</c> rows for <paramref name="doctype"/> created at or past <paramref name="after"/>
    /// (creation, name), ordered by (creation, name), each with the deleted document's last JSON.
    /// </summary>
    IAsyncEnumerable<DeletedDocument> ListDeletedSinceAsync(string doctype, DocCursor? after, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a document (child row names are the server's to choose) and returns the server's document,
    /// including the name it chose. Send <c>__newname</c> in <paramref name="document"/> to ask for a name
    /// where the site honours it.
    /// </summary>
    Task<JsonObject> InsertAsync(string doctype, JsonObject document, CancellationToken cancellationToken);

    /// <summary>
    /// Merges <paramref name="changes"/> into the stored document (a child table key replaces the whole
    /// table). With <paramref name="expectedModified"/> the write is compare-and-swap: a site whose document
    /// changed meanwhile answers <see cref="StaleWrite"/>, never retried by the client.
    /// </summary>
    Task<WriteResult> UpdateAsync(string doctype, string name, JsonObject changes, string? expectedModified, CancellationToken cancellationToken);

    /// <summary>Submits a draft (docstatus 0 → 1), compare-and-swap when <paramref name="expectedModified"/> is given.</summary>
    Task<WriteResult> SubmitAsync(string doctype, string name, string? expectedModified, CancellationToken cancellationToken);

    /// <summary>Cancels a submitted document (docstatus 1 → 2), compare-and-swap when <paramref name="expectedModified"/> is given.</summary>
    Task<WriteResult> CancelAsync(string doctype, string name, string? expectedModified, CancellationToken cancellationToken);

    /// <summary>Deletes a document; <c>false</c> when it was already gone (404).</summary>
    Task<bool> DeleteAsync(string doctype, string name, CancellationToken cancellationToken);

    /// <summary>Renames a document (<c>frappe.client.rename_doc</c>) and returns the new name.</summary>
    Task<string> RenameAsync(string doctype, string oldName, string newName, bool merge, CancellationToken cancellationToken);
}
