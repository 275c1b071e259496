using System.Text.RegularExpressions;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Queries;

/// <summary>
/// <c>frappe.client.get_list</c> over the in-memory tables: fields (with child-table columns, aliases and
/// simple aggregates), filters, or_filters, order_by and paging. Without <c>order_by</c> rows come in storage
/// (insertion) order, standing in for real Frappe's unspecified order.
/// </summary>
internal static partial class ListQueryRunner
{
    private static readonly string[] StarStandard = ["name", "creation", "modified", "modified_by", "owner", "docstatus", "idx"];
    private static readonly string[] LikeColumns = ["_user_tags", "_comments", "_assign", "_liked_by"];
    private static readonly Dictionary<string, Doc?> NoChildren = new(StringComparer.Ordinal);

    public static List<object?> Run(DocContext ctx, string doctype, ListArgs args)
    {
        var meta = ctx.FindMeta(doctype) ?? throw Fail.NotFound($"DocType {doctype} not found");
        if (meta.IsSingle)
            return [];
        var metas = ctx.Site.MetaLookup;
        var selections = ParseFields(meta, args.Fields, metas);
        var filters = FilterParser.Parse(args.Filters, meta, metas);
        var orFilters = FilterParser.Parse(args.OrFilters, meta, metas);
        var order = ParseOrder(meta, args.OrderBy, metas);
        var rows = Rows(ctx, meta, args.Parent, selections.Select(s => s.Column).Concat(filters.Select(f => f.Column))
                .Concat(orFilters.Select(f => f.Column)).Concat(order.Select(o => o.Column)))
            .Where(r => filters.All(r.Matches) && (orFilters.Count == 0 || orFilters.Any(r.Matches)))
            .ToList();
        var aggregate = selections.Any(s => s.Aggregate is not null);
        var joined = selections.Select(s => s.Column).Concat(filters.Select(f => f.Column)).Concat(orFilters.Select(f => f.Column))
            .Concat(order.Select(o => o.Column)).Any(c => c is { IsChild: true });
        var distinct = joined && !selections.Any(s => s.Column?.IsChild == true);
        if (order.Count > 0)
        {
            // A page needs only its first start+length rows in order: a keyset-paged listing of N documents then
            // costs N log(page) per page instead of N log N (the 100k-document benchmark spent minutes sorting).
            var keep = !aggregate && !distinct && args.PageLength > 0 ? args.LimitStart + args.PageLength : long.MaxValue;
            rows = Sort(rows, order, keep);
        }

        if (aggregate)
            return [Aggregate(selections, rows, args.AsDict)];
        if (distinct)
            rows = rows.DistinctBy(r => r.Parent).ToList();
        IEnumerable<QueryRow> page = rows.Skip((int)Math.Min(args.LimitStart, int.MaxValue));
        if (args.PageLength > 0)
            page = page.Take((int)Math.Min(args.PageLength, int.MaxValue));
        return page.Select(r => Project(meta, selections, r, args.AsDict)).ToList();
    }

    /// <summary>
    /// ORDER BY over keys computed once per row (unboxed for numbers and dates); ties keep storage order. Only the
    /// first <paramref name="keep"/> rows are returned; when they are few, they are selected with a bounded heap.
    /// </summary>
    private static List<QueryRow> Sort(List<QueryRow> rows, List<(ColumnRef Column, bool Descending)> order, long keep)
    {
        var columns = order.Select(o => SortColumn.Build(o.Column, rows)).ToArray();
        Comparison<int> compare = (x, y) =>
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var c = columns[i].Compare(x, y);
                if (c != 0)
                    return order[i].Descending ? -c : c;
            }

            return x.CompareTo(y);
        };
        int[] indexes;
        if (keep < rows.Count / 2)
        {
            // The heap's top is the last row kept so far; a row sorting before it takes its place.
            var heap = new PriorityQueue<int, int>((int)keep + 1, Comparer<int>.Create((x, y) => compare(y, x)));
            for (var i = 0; i < rows.Count; i++)
            {
                if (heap.Count < keep)
                    heap.Enqueue(i, i);
                else if (keep > 0 && compare(i, heap.Peek()) < 0)
                    heap.DequeueEnqueue(i, i);
            }

            indexes = heap.UnorderedItems.Select(e => e.Element).ToArray();
        }
        else
        {
            indexes = Enumerable.Range(0, rows.Count).ToArray();
        }

        Array.Sort(indexes, compare);
        return indexes.Select(i => rows[i]).ToList();
    }

    /// <summary><c>frappe.client.get_count</c>: documents matching the filters.</summary>
    public static long Count(DocContext ctx, string doctype, object? filters)
    {
        var meta = ctx.FindMeta(doctype) ?? throw Fail.NotFound($"DocType {doctype} not found");
        var conditions = FilterParser.Parse(filters, meta, ctx.Site.MetaLookup);
        return Rows(ctx, meta, null, conditions.Select(c => c.Column)).Where(r => conditions.All(r.Matches)).Select(r => r.Parent).Distinct().Count();
    }

    private static IEnumerable<QueryRow> Rows(DocContext ctx, DocTypeDef meta, string? parentDocType, IEnumerable<ColumnRef?> columns)
    {
        var childMetas = columns.Where(c => c is { IsChild: true }).Select(c => c!.Table).DistinctBy(m => m.Name).ToList();
        if (childMetas.Count == 0)
        {
            foreach (var doc in Documents(ctx, meta, parentDocType))
                yield return new QueryRow(doc, NoChildren);
            yield break;
        }

        foreach (var doc in Documents(ctx, meta, parentDocType))
        {
            IEnumerable<Dictionary<string, Doc?>> combos = [new Dictionary<string, Doc?>(StringComparer.Ordinal)];
            foreach (var child in childMetas)
            {
                var rowsOfChild = doc.AllChildren().Where(r => r.DocType == child.Name).Cast<Doc?>().DefaultIfEmpty(null).ToList();
                combos = combos.SelectMany(c => rowsOfChild.Select(r => new Dictionary<string, Doc?>(c, StringComparer.Ordinal) { [child.Name] = r })).ToList();
            }

            foreach (var combo in combos)
                yield return new QueryRow(doc, combo);
        }
    }

    private static IEnumerable<Doc> Documents(DocContext ctx, DocTypeDef meta, string? parentDocType)
    {
        if (!meta.IsTable)
            return ctx.Tx.Scan(meta.Name);
        // Listing a child DocType reads its rows across every parent holding that table.
        return ctx.Site.Metas.All
            .Where(m => m.TableFields.Any(t => t.Options == meta.Name) && (parentDocType is null || m.Name == parentDocType))
            .SelectMany(m => ctx.Tx.Scan(m.Name))
            .SelectMany(p => p.AllChildren().Where(r => r.DocType == meta.Name));
    }

    private static List<Selection> ParseFields(DocTypeDef meta, object? fields, Func<string, DocTypeDef?> metas)
    {
        var tokens = fields switch
        {
            null => ["name"],
            string s => s.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToList(),
            List<object?> list => list.Select(PyConvert.Cstr).ToList(),
            _ => throw Fail.Throw("fields must be a list"),
        };
        if (tokens.Count == 0)
            tokens = ["name"];
        var result = new List<Selection>();
        foreach (var token in tokens)
        {
            var t = token.Trim();
            if (t == "*" || t == $"`tab{meta.Name}`.*")
            {
                var names = StarStandard.Concat(meta.DataFields.Select(f => f.Fieldname))
                    .Concat(meta.IsTable ? FieldTypes.ChildFields : LikeColumns);
                result.AddRange(names.Select(n => new Selection(n, meta.HasColumn(n) ? ColumnRef.Resolve(meta, n, metas) : null, null)));
                continue;
            }

            string? alias = null;
            var asMatch = Alias().Match(t);
            if (asMatch.Success)
            {
                t = asMatch.Groups["expr"].Value.Trim();
                alias = asMatch.Groups["alias"].Value.Trim('`', '"', '\'');
            }

            var aggregate = AggregateCall().Match(t);
            if (aggregate.Success)
            {
                var inner = aggregate.Groups["arg"].Value.Trim();
                var innerColumn = inner is "*" or "" ? null : ColumnRef.Resolve(meta, inner.Replace("distinct ", string.Empty, StringComparison.OrdinalIgnoreCase), metas);
                if (inner is not ("*" or "") && innerColumn is null)
                    throw Fail.Throw($"Field not permitted in query: {token}", "DataError");
                result.Add(new Selection(alias ?? t, innerColumn, aggregate.Groups["fn"].Value.ToLowerInvariant()));
                continue;
            }

            var column = ColumnRef.Resolve(meta, t, metas) ?? throw Fail.Throw($"Field not permitted in query: {token}", "DataError");
            result.Add(new Selection(alias ?? column.Fieldname, column, null));
        }

        return result;
    }

    private static List<(ColumnRef Column, bool Descending)> ParseOrder(DocTypeDef meta, string? orderBy, Func<string, DocTypeDef?> metas)
    {
        var result = new List<(ColumnRef, bool)>();
        if (string.IsNullOrWhiteSpace(orderBy))
            return result;
        foreach (var part in orderBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = pieces.Length > 1 && pieces[^1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            var expr = pieces.Length > 1 && pieces[^1].ToLowerInvariant() is "asc" or "desc" ? string.Join(' ', pieces[..^1]) : part;
            var column = ColumnRef.Resolve(meta, expr, metas)
                         ?? throw Fail.Server($"pymysql.err.OperationalError: (1054, \"Unknown column '{expr.Trim('`')}' in 'order clause'\")");
            result.Add((column, descending));
        }

        return result;
    }

    private static object? Project(DocTypeDef meta, List<Selection> selections, QueryRow row, bool asDict)
    {
        var values = selections.Select(s => s.Column is null ? null : Output(meta, s.Column, row.Get(s.Column))).ToList();
        if (!asDict)
            return values;
        var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < selections.Count; i++)
            dict[selections[i].Key] = values[i];
        return dict;
    }

    private static object? Output(DocTypeDef meta, ColumnRef column, object? value) =>
        column.Fieldname == "name" && !column.IsChild && meta.IsAutoincrement && value is string s && long.TryParse(s, out var n) ? n : value;

    private static object? Aggregate(List<Selection> selections, List<QueryRow> rows, bool asDict)
    {
        var values = selections.Select(s => s.Aggregate switch
        {
            "count" => (object?)(long)(s.Column is null ? rows.Count : rows.Count(r => r.Get(s.Column) is not null)),
            "sum" => rows.Sum(r => PyConvert.Flt(r.Get(s.Column!))),
            "avg" => rows.Count == 0 ? null : rows.Average(r => PyConvert.Flt(r.Get(s.Column!))),
            "min" => rows.Select(r => r.Get(s.Column!)).Where(v => v is not null).OrderBy(v => v, Comparer<object?>.Create((a, b) => ValueComparer.Compare(s.Column!.Kind, a, b))).FirstOrDefault(),
            "max" => rows.Select(r => r.Get(s.Column!)).Where(v => v is not null).OrderBy(v => v, Comparer<object?>.Create((a, b) => ValueComparer.Compare(s.Column!.Kind, a, b))).LastOrDefault(),
            _ => s.Column is null || rows.Count == 0 ? null : rows[0].Get(s.Column),
        }).ToList();
        if (!asDict)
            return values;
        var dict = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < selections.Count; i++)
            dict[selections[i].Key] = values[i];
        return dict;
    }

    [GeneratedRegex(@"^(?<expr>.+?)\s+as\s+(?<alias>[`""']?[\w ]+[`""']?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Alias();

    [GeneratedRegex(@"^(?<fn>count|sum|avg|min|max)\s*\((?<arg>[^)]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex AggregateCall();

    private sealed record Selection(string Key, ColumnRef? Column, string? Aggregate);
}
