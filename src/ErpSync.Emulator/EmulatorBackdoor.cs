using System.Text.Json.Nodes;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Queries;

namespace ErpSync.Emulator;

/// <summary>
/// In-process access to a site for tests, without HTTP and without faults. <see cref="Insert"/>,
/// <see cref="Update"/>, <see cref="Submit"/>, <see cref="Cancel"/> and <see cref="Rename"/> behave like a user
/// working in the desk (validation, naming, webhooks); <see cref="SetValue"/> and <see cref="DeleteSilently"/>
/// act like server code writing the database directly (no webhook). Failures throw
/// <see cref="EmulatorRequestException"/> with the status and body the REST API would have answered.
/// </summary>
public sealed class EmulatorBackdoor
{
    private readonly SiteRuntime _site;
    private readonly Webhooks.WebhookWorker _webhooks;

    internal EmulatorBackdoor(SiteRuntime site, Webhooks.WebhookWorker webhooks)
    {
        _site = site;
        _webhooks = webhooks;
    }

    /// <summary>The user desk-like operations act as unless told otherwise.</summary>
    public const string DeskUser = "Administrator";

    /// <summary>Inserts a document as <paramref name="user"/>; returns it as a POST would (nulls included).</summary>
    public JsonObject Insert(string doctype, JsonObject document, string user = DeskUser) =>
        Run(user, ctx => DocumentWriter.Insert(ctx, doctype, ToModel(document)), includeNulls: true);

    /// <summary>Merges <paramref name="changes"/> into a document and saves it, as a PUT would.</summary>
    public JsonObject Update(string doctype, string name, JsonObject changes, string user = DeskUser) =>
        Run(user, ctx => DocumentWriter.Update(ctx, doctype, name, ToModel(changes)), includeNulls: false);

    public JsonObject Submit(string doctype, string name, string user = DeskUser) =>
        Run(user, ctx => DocumentWriter.SetDocstatus(ctx, doctype, name, 1), includeNulls: false);

    public JsonObject Cancel(string doctype, string name, string user = DeskUser) =>
        Run(user, ctx => DocumentWriter.SetDocstatus(ctx, doctype, name, 2), includeNulls: false);

    /// <summary>Renames a document (links elsewhere rewritten, no <c>modified</c> change, no webhook).</summary>
    public string Rename(string doctype, string oldName, string newName, string user = DeskUser) =>
        Guard(() => _site.Write(user, ctx => DocumentRenamer.Rename(ctx, doctype, oldName, newName, merge: false) ?? oldName));

    /// <summary>The document as GET returns it (nulls omitted), or null.</summary>
    public JsonObject? Get(string doctype, string name)
    {
        var doc = _site.Read(ctx => ctx.FindMeta(doctype) is null ? null : ctx.Tx.Get(doctype, ctx.Meta(doctype).IsSingle ? doctype : name));
        return doc is null ? null : ToJson(DocSerializer.ToDict(doc, _site.MetaLookup, includeNulls: false));
    }

    public bool Exists(string doctype, string name) => Get(doctype, name) is not null;

    /// <summary>Number of documents of a DocType.</summary>
    public int Count(string doctype) => _site.Read(ctx => ctx.FindMeta(doctype) is null ? 0 : ctx.Tx.Scan(doctype).Count());

    /// <summary>Every document of a DocType in storage order, as GET would return each.</summary>
    public IReadOnlyList<JsonObject> List(string doctype) =>
        _site.Read(ctx => ctx.FindMeta(doctype) is null ? [] : ctx.Tx.Scan(doctype).ToList())
            .Select(d => ToJson(DocSerializer.ToDict(d, _site.MetaLookup, includeNulls: false)))
            .ToList();

    /// <summary>Rows of a list query (<paramref name="filters"/> in Frappe's list or dict form, as JSON).</summary>
    public IReadOnlyList<JsonObject> Query(string doctype, string fieldsJson = "[\"*\"]", string? filtersJson = null, string? orderBy = null) =>
        Guard(() => _site.Read(ctx => ListQueryRunner.Run(ctx, doctype, new ListArgs
            {
                Fields = PyJsonParser.Parse(fieldsJson),
                Filters = filtersJson is null ? null : PyJsonParser.Parse(filtersJson),
                OrderBy = orderBy,
                PageLength = 0,
            }))
            .Select(r => ToJson((OrderedDictionary<string, object?>)r!))
            .ToList());

    /// <summary>
    /// Server-side <c>db_set</c>: writes one field without validation or webhook; <c>modified</c> (and
    /// <c>modified_by</c>) change only when <paramref name="updateModified"/> is true.
    /// </summary>
    public void SetValue(string doctype, string name, string fieldname, object? value, bool updateModified = false) =>
        Guard(() => _site.Write(DeskUser, ctx =>
        {
            var meta = ctx.Meta(doctype);
            var copy = DocumentWriter.Load(ctx, meta, name).Clone();
            var field = meta.Field(fieldname);
            copy[fieldname] = field is null ? ValueCoercer.CoerceStandard(fieldname, ToModelValue(value)) : ValueCoercer.Coerce(field, ToModelValue(value));
            if (updateModified)
            {
                copy["modified"] = ctx.Now;
                copy["modified_by"] = ctx.User;
            }

            ctx.Tx.Put(copy);
            return 0;
        }));

    /// <summary>Deletes without on_trash webhooks or link checks (direct SQL); optionally still records a Deleted Document.</summary>
    public bool DeleteSilently(string doctype, string name, bool recordDeletedDocument = false) =>
        Guard(() => _site.Write(DeskUser, ctx =>
        {
            if (ctx.FindMeta(doctype) is null || !ctx.Tx.Exists(doctype, name))
                return false;
            DocumentDeleter.Delete(ctx, doctype, name, fireEvents: false, recordDeletion: recordDeletedDocument);
            return true;
        }));

    /// <summary>Webhook delivery attempts so far (one per attempt, as the Webhook Request Log), oldest first.</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _webhooks.Log.Snapshot();

    /// <summary>Webhook jobs queued or running.</summary>
    public int PendingWebhookJobs => _webhooks.Log.Pending;

    /// <summary>Forgets the recorded deliveries (the Webhook Request Log documents stay).</summary>
    public void ClearWebhookDeliveries() => _webhooks.Log.Clear();

    /// <summary>Waits until at least <paramref name="count"/> delivery records exist; <see cref="TimeoutException"/> otherwise (default 10 s).</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> WaitForDeliveriesAsync(int count, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        await _webhooks.Log.WaitAsync((deliveries, _) => deliveries.Count >= count, timeout ?? TimeSpan.FromSeconds(10), $"{count} webhook deliveries", ct);
        return WebhookDeliveries;
    }

    /// <summary>Waits until no webhook job is queued or running (default timeout 10 s).</summary>
    public Task WaitForWebhooksIdleAsync(TimeSpan? timeout = null, CancellationToken ct = default) =>
        _webhooks.Log.WaitAsync((_, pending) => pending == 0, timeout ?? TimeSpan.FromSeconds(10), "webhook jobs to finish", ct);

    /// <summary>The site's current local time as <c>frappe.utils.now()</c> prints it.</summary>
    public string Now() => _site.Clock.NowString();

    /// <summary>The site's time zone (System Settings).</summary>
    public string TimeZone => _site.Clock.TimeZoneName;

    private JsonObject Run(string user, Func<DocContext, Doc> operation, bool includeNulls)
    {
        var doc = Guard(() => _site.Write(user, operation));
        return ToJson(DocSerializer.ToDict(doc, _site.MetaLookup, includeNulls));
    }

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (FrappeError error)
        {
            var body = Http.ApiResult.FromError(error).Body!;
            throw new EmulatorRequestException(error.Status, PyJson.Serialize(body, PyJsonStyle.Compact));
        }
    }

    private static OrderedDictionary<string, object?> ToModel(JsonObject json) =>
        PyJsonParser.Parse(json.ToJsonString()) as OrderedDictionary<string, object?> ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal);

    private static object? ToModelValue(object? value) => value switch
    {
        null => null,
        JsonNode node => PyJsonParser.Parse(node.ToJsonString()),
        int i => (long)i,
        float f => (double)f,
        decimal m => (double)m,
        bool b => b ? 1L : 0L,
        _ => value,
    };

    private static JsonObject ToJson(OrderedDictionary<string, object?> dict) =>
        JsonNode.Parse(PyJson.Serialize(dict, PyJsonStyle.Compact))!.AsObject();
}
