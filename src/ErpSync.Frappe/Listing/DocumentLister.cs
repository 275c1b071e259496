using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Errors;
using ErpSync.Frappe.Http;

namespace ErpSync.Frappe.Listing;

/// <summary>
/// Pages through <c>/api/resource/{doctype}</c>, holding one page at a time. Arbitrary orders page by offset;
/// the (timestamp, name) streams page by keyset — each page starts at the last row seen (<c>&gt;=</c> on the
/// timestamp, skipping up to that row) — so documents changed while the stream runs cannot shift rows past it.
/// </summary>
internal sealed class DocumentLister(FrappeTransport transport, FrappeSiteOptions options)
{
    /// <summary>Called with each page's row count (tests check that only one page is ever held).</summary>
    internal Action<int>? PageLoaded { get; set; }

    public async IAsyncEnumerable<JsonObject> ListAsync(ListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.DocType);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.OrderBy);
        if (query.PageSize is < 1)
            throw new ArgumentOutOfRangeException(nameof(query), "PageSize must be at least 1.");
        if (query.Limit is < 0)
            throw new ArgumentOutOfRangeException(nameof(query), "Limit must not be negative.");
        var pageSize = query.PageSize ?? options.PageSize;
        var fields = ListEncoding.Fields(query.Fields.Count == 0 ? ["name"] : query.Fields);
        var filters = query.Filters.Count == 0 ? null : ListEncoding.Filters(query.Filters);
        var orFilters = query.OrFilters.Count == 0 ? null : ListEncoding.Filters(query.OrFilters);
        var delivered = 0;
        var start = 0;
        while (query.Limit is not { } limit || delivered < limit)
        {
            var length = query.Limit is { } max ? Math.Min(pageSize, max - delivered) : pageSize;
            var page = await FetchPageAsync(query.DocType, fields, filters, orFilters, query.OrderBy, start, length, cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                delivered++;
                yield return row;
            }

            if (page.Count < length)
                yield break;
            start += page.Count;
        }
    }

    /// <summary>
    /// Rows ordered by (<paramref name="timestampField"/>, name) at or past <paramref name="after"/>; the row equal
    /// to the cursor and the rows sharing its timestamp that come before it are skipped. When the cursor row is
    /// gone (changed meanwhile) the rows sharing its timestamp are returned again: duplicates, never gaps.
    /// </summary>
    public async IAsyncEnumerable<JsonObject> KeysetAsync(
        string doctype, string timestampField, IReadOnlyList<string> fields, IReadOnlyList<ListFilter> filters, DocCursor? after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(doctype);
        var pageSize = options.StampPageSize ?? options.PageSize;
        var fieldsJson = ListEncoding.Fields(fields);
        var orderBy = $"{timestampField} asc, name asc";
        var cursor = after?.Timestamp;
        var anchor = after?.Name;
        var offset = 0;
        while (true)
        {
            var pageFilters = cursor is null ? filters : [.. filters, new ListFilter(timestampField, ">=", cursor)];
            var filtersJson = pageFilters.Count == 0 ? null : ListEncoding.Filters(pageFilters);
            var page = await FetchPageAsync(doctype, fieldsJson, filtersJson, null, orderBy, offset, pageSize, cancellationToken).ConfigureAwait(false);
            var skipThrough = anchor is null ? -1 : AnchorIndex(page, timestampField, cursor, anchor);
            if (skipThrough >= 0)
                anchor = null;
            for (var i = 0; i < page.Count; i++)
            {
                if (i <= skipThrough || (cursor is not null && FrappeTimestamp.Compare(TextOf(page[i], timestampField), cursor) < 0))
                    continue;
                yield return page[i];
            }

            if (page.Count < pageSize)
                yield break;
            var last = page[^1];
            var lastStamp = TextOf(last, timestampField);
            if (cursor is not null && FrappeTimestamp.Compare(lastStamp, cursor) == 0)
            {
                // A whole page shares the cursor's timestamp: keyset cannot move, so step by offset inside the tie.
                offset += page.Count;
            }
            else
            {
                cursor = lastStamp ?? throw new FrappeServerException($"{options.Site.ToWire()} site returned a {doctype} row without {timestampField}; cannot page on it");
                anchor = NameOf(last);
                offset = 0;
            }
        }
    }

    private static int AnchorIndex(List<JsonObject> page, string timestampField, string? cursor, string anchor)
    {
        for (var i = 0; i < page.Count; i++)
        {
            var stamp = TextOf(page[i], timestampField);
            var order = FrappeTimestamp.Compare(stamp, cursor);
            if (order < 0)
                continue;
            if (order > 0)
                return -1;
            if (string.Equals(NameOf(page[i]), anchor, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }

    private async Task<List<JsonObject>> FetchPageAsync(
        string doctype, string fields, string? filters, string? orFilters, string orderBy, int start, int length, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string>>(6) { new("fields", fields) };
        if (filters is not null)
            query.Add(new("filters", filters));
        if (orFilters is not null)
            query.Add(new("or_filters", orFilters));
        query.Add(new("order_by", orderBy));
        query.Add(new("limit_start", start.ToString(CultureInfo.InvariantCulture)));
        query.Add(new("limit_page_length", length.ToString(CultureInfo.InvariantCulture)));
        var request = new FrappeRequest(HttpMethod.Get, FrappeUrl.WithQuery(FrappeUrl.Resource(doctype), query),
            new RequestContext(options.Site, "GET", "list", doctype));
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Data is not JsonArray array)
        {
            throw new FrappeServerException(
                $"{options.Site.ToWire()} site answered the {doctype} list without a data array", response.Status, null, doctype);
        }

        var rows = new List<JsonObject>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonObject row)
                throw new FrappeServerException($"{options.Site.ToWire()} site returned a {doctype} list row that is not an object", response.Status, null, doctype);
            rows.Add(row);
        }

        array.Clear(); // detach the rows so callers may put them into other JSON trees
        PageLoaded?.Invoke(rows.Count);
        return rows;
    }

    /// <summary>A row's value as text: strings as they are, numbers (autoincrement names) as printed.</summary>
    internal static string? TextOf(JsonObject row, string field) => row[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonNode node => node.ToJsonString(),
    };

    internal static string NameOf(JsonObject row) => TextOf(row, "name") ?? string.Empty;
}
