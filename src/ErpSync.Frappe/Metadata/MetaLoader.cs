using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Diagnostics;
using ErpSync.Frappe.Errors;
using ErpSync.Frappe.Http;
using ErpSync.Frappe.Listing;
using Microsoft.Extensions.Logging;

namespace ErpSync.Frappe.Metadata;

/// <summary>
/// Loads merged metadata through <c>frappe.desk.form.load.getdoctype</c> (custom fields included, any logged-in
/// user); where that method is refused or missing, from <c>/api/resource/DocType/{name}</c> plus the
/// <c>Custom Field</c> rows. Cached per client instance; a failed load is not cached.
/// </summary>
internal sealed class MetaLoader(FrappeTransport transport, FrappeSiteOptions options, ILogger logger)
{
    private readonly ConcurrentDictionary<string, Task<DocTypeMeta>> _cache = new(StringComparer.Ordinal);
    private readonly string _site = options.Site.ToWire();

    public async Task<DocTypeMeta> GetAsync(string doctype, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(doctype);
        // The shared load is not tied to the first caller's token (each request is bounded by the request
        // timeout); a caller that gives up stops waiting without failing the load for the others.
        var task = _cache.GetOrAdd(doctype, name => LoadAsync(name, CancellationToken.None));
        try
        {
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            _cache.TryRemove(new KeyValuePair<string, Task<DocTypeMeta>>(doctype, task));
            throw;
        }
    }

    private async Task<DocTypeMeta> LoadAsync(string doctype, CancellationToken cancellationToken)
    {
        try
        {
            var meta = await FromGetDocTypeAsync(doctype, cancellationToken).ConfigureAwait(false);
            FrappeLog.MetaLoaded(logger, _site, doctype, "frappe.desk.form.load.getdoctype");
            return meta;
        }
        catch (FrappeException ex) when (!ex.IsTransient)
        {
            var meta = await FromResourceAsync(doctype, cancellationToken).ConfigureAwait(false);
            FrappeLog.MetaLoaded(logger, _site, doctype, "/api/resource/DocType");
            return meta;
        }
    }

    private async Task<DocTypeMeta> FromGetDocTypeAsync(string doctype, CancellationToken cancellationToken)
    {
        var path = FrappeUrl.WithQuery(FrappeUrl.Method("frappe.desk.form.load.getdoctype"), [new("doctype", doctype)]);
        var context = new RequestContext(options.Site, "GET", "frappe.desk.form.load.getdoctype", doctype);
        var response = await transport.SendAsync(new FrappeRequest(HttpMethod.Get, path, context), cancellationToken).ConfigureAwait(false);
        var docs = ((response.Body as JsonObject)?["docs"] ?? response.Message?["docs"]) as JsonArray;
        var all = docs?.OfType<JsonObject>().ToList() ?? [];
        var parent = all.FirstOrDefault(d => string.Equals(MetaParser.Text(d["name"]), doctype, StringComparison.OrdinalIgnoreCase))
            ?? throw new FrappeServerException($"{_site} site answered getdoctype for {doctype} without its DocType document", response.Status, null, doctype);
        var children = new Dictionary<string, DocTypeMeta>(StringComparer.Ordinal);
        foreach (var childName in MetaParser.ChildDocTypes(parent))
        {
            var child = all.FirstOrDefault(d => MetaParser.Text(d["name"]) == childName);
            children[childName] = child is not null
                ? MetaParser.Parse(child)
                : await FromResourceAsync(childName, cancellationToken).ConfigureAwait(false);
        }

        return MetaParser.Parse(parent, children);
    }

    private async Task<DocTypeMeta> FromResourceAsync(string doctype, CancellationToken cancellationToken)
    {
        var parent = await ReadDocTypeAsync(doctype, cancellationToken).ConfigureAwait(false);
        var custom = await CustomFieldsAsync(doctype, cancellationToken).ConfigureAwait(false);
        var parentCustom = custom.Where(c => MetaParser.Text(c["dt"]) == doctype).ToList();
        var children = new Dictionary<string, DocTypeMeta>(StringComparer.Ordinal);
        foreach (var childName in MetaParser.ChildDocTypes(parent, parentCustom))
        {
            var child = await ReadDocTypeAsync(childName, cancellationToken).ConfigureAwait(false);
            var childCustom = await CustomFieldsAsync(childName, cancellationToken).ConfigureAwait(false);
            children[childName] = MetaParser.Parse(child, null, childCustom);
        }

        return MetaParser.Parse(parent, children, parentCustom);
    }

    private async Task<JsonObject> ReadDocTypeAsync(string doctype, CancellationToken cancellationToken)
    {
        var context = new RequestContext(options.Site, "GET", "DocType", "DocType", doctype);
        var response = await transport.SendAsync(new FrappeRequest(HttpMethod.Get, FrappeUrl.Resource("DocType", doctype), context), cancellationToken).ConfigureAwait(false);
        return response.Data as JsonObject
            ?? throw new FrappeServerException($"{_site} site answered GET DocType \"{doctype}\" without a document", response.Status, null, "DocType", doctype);
    }

    // /api/resource/DocType leaves out Custom Fields; a site that will not list them still yields usable metadata.
    private async Task<IReadOnlyList<JsonObject>> CustomFieldsAsync(string doctype, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("fields", ListEncoding.Fields(["name", "dt", "fieldname", "fieldtype", "label", "options", "reqd", "unique", "allow_on_submit", "read_only", "no_copy", "set_only_once", "fetch_from", "default", "insert_after", "idx"])),
            new("filters", ListEncoding.Filters([new ListFilter("dt", "=", doctype)])),
            new("order_by", "idx asc, name asc"),
            new("limit_page_length", "0"),
        };
        var context = new RequestContext(options.Site, "GET", "list", "Custom Field");
        try
        {
            var response = await transport.SendAsync(new FrappeRequest(HttpMethod.Get, FrappeUrl.WithQuery(FrappeUrl.Resource("Custom Field"), query), context), cancellationToken).ConfigureAwait(false);
            return (response.Data as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        }
        catch (FrappeException ex) when (ex is FrappeNotFoundException or FrappePermissionException or FrappeValidationException)
        {
            FrappeLog.CustomFieldsUnreadable(logger, _site, doctype, ex.Message);
            return [];
        }
    }

    internal int CachedCount => _cache.Count;
}
