using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Connection;
using ErpSync.Frappe.Diagnostics;
using ErpSync.Frappe.Documents;
using ErpSync.Frappe.Errors;
using ErpSync.Frappe.Http;
using ErpSync.Frappe.Listing;
using ErpSync.Frappe.Metadata;
using ErpSync.Frappe.Resilience;
using ErpSync.Frappe.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpSync.Frappe;

/// <summary>
/// <see cref="IFrappeSite"/> over Frappe's REST API (v1 <c>/api/resource</c> and <c>/api/method</c>, as in
/// Frappe v14/v15): token auth, bounded concurrency, retries of transient failures, a circuit breaker, typed
/// errors and streamed lists. Thread-safe; one instance per site.
/// </summary>
public sealed class FrappeSiteClient : IFrappeSite, IFrappeWebhooks, IDisposable
{
    private readonly FrappeSiteOptions _options;
    private readonly FrappeTransport _transport;
    private readonly FrappeMetrics _metrics;
    private readonly DocumentLister _lister;
    private readonly MetaLoader _meta;
    private readonly SiteInfoReader _info;
    private readonly WebhookApi _webhooks;
    private readonly ILogger _logger;

    internal FrappeSiteClient(FrappeSiteOptions options, HttpClient http, bool ownsHttp, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        options.Validate();
        _options = options;
        var time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ErpSync.Frappe." + options.Site);
        _metrics = new FrappeMetrics(options.Site, meterFactory);
        _transport = new FrappeTransport(http, ownsHttp, options, time, _metrics, _logger);
        _lister = new DocumentLister(_transport, options);
        _meta = new MetaLoader(_transport, options, _logger);
        _info = new SiteInfoReader(_transport, options, time, _logger);
        _webhooks = new WebhookApi(_transport, options);
    }

    /// <summary>
    /// A client with its own pooled connections, for the CLI and tests that do not use dependency injection.
    /// Throws <see cref="ArgumentException"/> when <paramref name="options"/> are invalid.
    /// </summary>
    public static FrappeSiteClient Create(FrappeSiteOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Create(options, FrappeHttpHandler.Create(options), timeProvider, loggerFactory);
    }

    internal static FrappeSiteClient Create(FrappeSiteOptions options, HttpMessageHandler handler, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null) =>
        new(options, FrappeHttpHandler.Client(handler, disposeHandler: true), ownsHttp: true, timeProvider, loggerFactory, meterFactory);

    /// <inheritdoc />
    public SiteName Site => _options.Site;

    /// <summary>Base URL of the site.</summary>
    public Uri BaseUrl => _transport.BaseUrl;

    /// <summary>State of this site's circuit breaker (for health checks).</summary>
    public SiteCircuitState CircuitState => _transport.CircuitState;

    internal FrappeTransport Transport => _transport;

    internal DocumentLister Lister => _lister;

    internal MetaLoader Meta => _meta;

    internal Meter Meter => _metrics.Meter;

    /// <inheritdoc />
    public Task<SiteInfo> GetSiteInfoAsync(CancellationToken cancellationToken) => _info.ReadAsync(cancellationToken);

    /// <inheritdoc />
    public Task<DocTypeMeta> GetMetaAsync(string doctype, CancellationToken cancellationToken) => _meta.GetAsync(doctype, cancellationToken);

    /// <inheritdoc />
    public async Task<JsonObject?> GetAsync(string doctype, string name, CancellationToken cancellationToken)
    {
        var request = new FrappeRequest(HttpMethod.Get, FrappeUrl.Resource(doctype, name), Context("GET", "get", doctype, name));
        try
        {
            var response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return DocumentBodies.Normalize(DocumentOf(response, request));
        }
        catch (FrappeNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<JsonObject> ListAsync(ListQuery query, CancellationToken cancellationToken) => _lister.ListAsync(query, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<DocStamp> ListStampsAsync(string doctype, CancellationToken cancellationToken) =>
        ListModifiedSinceAsync(doctype, null, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<DocStamp> ListModifiedSinceAsync(string doctype, DocCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _lister.KeysetAsync(doctype, "modified", ["name", "modified"], [], after, cancellationToken).ConfigureAwait(false))
            yield return new DocStamp(DocumentLister.NameOf(row), DocumentLister.TextOf(row, "modified") ?? string.Empty);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DeletedDocument> ListDeletedSinceAsync(string doctype, DocCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(doctype);
        var rows = _lister.KeysetAsync("Deleted Document", "creation", ["name", "deleted_doctype", "deleted_name", "creation", "data"],
            [new ListFilter("deleted_doctype", "=", doctype)], after, cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            var name = DocumentLister.NameOf(row);
            var deletedName = DocumentLister.TextOf(row, "deleted_name") ?? string.Empty;
            yield return new DeletedDocument(name, DocumentLister.TextOf(row, "deleted_doctype") ?? doctype, deletedName,
                DocumentLister.TextOf(row, "creation") ?? string.Empty, DeletedData(row["data"], doctype, deletedName, name));
        }
    }

    /// <inheritdoc />
    public async Task<JsonObject> InsertAsync(string doctype, JsonObject document, CancellationToken cancellationToken)
    {
        var body = DocumentBodies.ForInsert(document);
        var wanted = (body["__newname"] as JsonValue)?.ToString();
        var request = new FrappeRequest(HttpMethod.Post, FrappeUrl.Resource(doctype), Context("POST", "insert", doctype, wanted), body, Idempotent: false);
        var response = await SendWritingAsync(request, body, cancellationToken).ConfigureAwait(false);
        return DocumentBodies.Normalize(DocumentOf(response, request));
    }

    /// <inheritdoc />
    public async Task<WriteResult> UpdateAsync(string doctype, string name, JsonObject changes, string? expectedModified, CancellationToken cancellationToken)
    {
        var body = DocumentBodies.ForUpdate(changes, name, expectedModified);
        var request = new FrappeRequest(HttpMethod.Put, FrappeUrl.Resource(doctype, name), Context("PUT", "update", doctype, name), body);
        try
        {
            var response = await SendWritingAsync(request, body, cancellationToken).ConfigureAwait(false);
            return new Written(DocumentBodies.Normalize(DocumentOf(response, request)));
        }
        catch (FrappeTimestampMismatchException stale)
        {
            return new StaleWrite(stale.Data[FrappeErrorMapper.RawMessageKey] as string ?? stale.Message);
        }
    }

    /// <inheritdoc />
    public Task<WriteResult> SubmitAsync(string doctype, string name, string? expectedModified, CancellationToken cancellationToken) =>
        UpdateAsync(doctype, name, new JsonObject { ["docstatus"] = 1 }, expectedModified, cancellationToken);

    /// <inheritdoc />
    public Task<WriteResult> CancelAsync(string doctype, string name, string? expectedModified, CancellationToken cancellationToken) =>
        UpdateAsync(doctype, name, new JsonObject { ["docstatus"] = 2 }, expectedModified, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string doctype, string name, CancellationToken cancellationToken)
    {
        var request = new FrappeRequest(HttpMethod.Delete, FrappeUrl.Resource(doctype, name), Context("DELETE", "delete", doctype, name));
        try
        {
            await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (FrappeNotFoundException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<string> RenameAsync(string doctype, string oldName, string newName, bool merge, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(doctype);
        ArgumentException.ThrowIfNullOrWhiteSpace(oldName);
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        const string method = "frappe.client.rename_doc";
        var body = new JsonObject { ["doctype"] = doctype, ["old_name"] = oldName, ["new_name"] = newName, ["merge"] = merge };
        var request = new FrappeRequest(HttpMethod.Post, FrappeUrl.Method(method), Context("POST", method, doctype, oldName), body, Idempotent: false);
        var response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var renamed = MetaParser.Text(response.Message);
        return string.IsNullOrWhiteSpace(renamed) ? newName : renamed;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookDocument>> ListWebhooksAsync(string? doctype, CancellationToken cancellationToken) =>
        _webhooks.ListWebhooksAsync(doctype, cancellationToken);

    /// <inheritdoc />
    public Task<WebhookDocument> CreateWebhookAsync(WebhookDefinition definition, CancellationToken cancellationToken) =>
        _webhooks.CreateWebhookAsync(definition, cancellationToken);

    /// <inheritdoc />
    public Task<WebhookDocument> UpdateWebhookAsync(string name, WebhookDefinition definition, string? expectedModified, CancellationToken cancellationToken) =>
        _webhooks.UpdateWebhookAsync(name, definition, expectedModified, cancellationToken);

    /// <summary>Releases the connections this client owns.</summary>
    public void Dispose()
    {
        _transport.Dispose();
        _metrics.Dispose();
    }

    /// <summary>Prints the site and URL (never the key or secret).</summary>
    public override string ToString() => $"FrappeSiteClient {{ Site = {Site.ToWire()}, BaseUrl = {BaseUrl} }}";

    // Sends a write; a LinkValidationError is re-thrown with its labels resolved to DocTypes through metadata.
    private async Task<FrappeResponse> SendWritingAsync(FrappeRequest request, JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            return await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (FrappeLinkValidationException link) when (request.Context.DocType is { } doctype)
        {
            throw await ResolveLinksAsync(link, doctype, body, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<FrappeLinkValidationException> ResolveLinksAsync(FrappeLinkValidationException link, string doctype, JsonObject body, CancellationToken cancellationToken)
    {
        DocTypeMeta meta;
        try
        {
            meta = await _meta.GetAsync(doctype, cancellationToken).ConfigureAwait(false);
        }
        catch (FrappeException)
        {
            return link; // labels stay labels; the original error is what matters
        }

        var raw = link.Data[FrappeErrorMapper.RawMessageKey] as string;
        var parsed = raw is null ? link.MissingLinks : LinkErrorParser.Parse(raw, LinkErrorParser.LabelsOf(meta));
        if (parsed.Count == 0)
            parsed = link.MissingLinks;
        var resolved = new FrappeLinkValidationException(link.Message, link.StatusCode, link.ExcType, link.DocType, link.DocName, link.InnerException)
        {
            MissingLinks = LinkErrorParser.Resolve(parsed, meta, body),
        };
        if (raw is not null)
            resolved.Data[FrappeErrorMapper.RawMessageKey] = raw;
        return resolved;
    }

    private JsonObject? DeletedData(JsonNode? data, string doctype, string deletedName, string rowName)
    {
        switch (data)
        {
            case JsonObject document:
                return document;
            case JsonValue value when value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text):
                try
                {
                    return JsonNode.Parse(text) as JsonObject;
                }
                catch (JsonException ex)
                {
                    FrappeLog.DeletedDataUnreadable(_logger, Site.ToWire(), doctype, deletedName, rowName, ex.Message);
                    return null;
                }

            default:
                return null;
        }
    }

    private JsonObject DocumentOf(FrappeResponse response, FrappeRequest request) =>
        response.Data as JsonObject ?? throw new FrappeServerException(
            $"{Site.ToWire()} site answered {request.Context.Describe()} with HTTP {response.Status} but without a document in \"data\"",
            response.Status, null, request.Context.DocType, request.Context.DocName);

    private RequestContext Context(string method, string operation, string doctype, string? name) => new(Site, method, operation, doctype, name);
}
