using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Core.Sites;

namespace ErpSync.Frappe.Metadata;

/// <summary>Reads a DocType document (from getdoctype or <c>/api/resource/DocType</c>) into <see cref="DocTypeMeta"/>.</summary>
internal static class MetaParser
{
    public static DocTypeMeta Parse(JsonObject doctype, IReadOnlyDictionary<string, DocTypeMeta>? children = null, IEnumerable<JsonObject>? customFields = null)
    {
        var name = Text(doctype["name"]) ?? throw new FormatException("DocType document without a name");
        var fields = new List<FieldMeta>();
        if (doctype["fields"] is JsonArray rows)
        {
            foreach (var row in rows.OfType<JsonObject>().OrderBy(r => Int(r["idx"]) ?? int.MaxValue))
            {
                var field = Field(row);
                if (field is not null)
                    fields.Add(field);
            }
        }

        if (customFields is not null)
            MergeCustom(fields, customFields);

        return new DocTypeMeta
        {
            Name = name,
            Autoname = NullIfEmpty(Text(doctype["autoname"])),
            IsSubmittable = Flag(doctype["is_submittable"]),
            IsTable = Flag(doctype["istable"]),
            IsSingle = Flag(doctype["issingle"]),
            Fields = fields,
            Children = children ?? new Dictionary<string, DocTypeMeta>(),
        };
    }

    /// <summary>Child DocType names of the Table fields, in form order.</summary>
    public static IReadOnlyList<string> ChildDocTypes(JsonObject doctype, IEnumerable<JsonObject>? customFields = null)
    {
        var names = new List<string>();
        var rows = (doctype["fields"] as JsonArray)?.OfType<JsonObject>() ?? [];
        foreach (var row in rows.Concat(customFields ?? []))
        {
            var type = Text(row["fieldtype"]);
            var options = NullIfEmpty(Text(row["options"]));
            if (type is "Table" or "Table MultiSelect" && options is not null && !names.Contains(options, StringComparer.Ordinal))
                names.Add(options);
        }

        return names;
    }

    private static FieldMeta? Field(JsonObject row)
    {
        var fieldname = NullIfEmpty(Text(row["fieldname"]));
        var fieldtype = NullIfEmpty(Text(row["fieldtype"]));
        if (fieldname is null || fieldtype is null)
            return null;
        return new FieldMeta
        {
            Fieldname = fieldname,
            Fieldtype = fieldtype,
            Label = NullIfEmpty(Text(row["label"])),
            Options = NullIfEmpty(Text(row["options"])),
            Reqd = Flag(row["reqd"]),
            Unique = Flag(row["unique"]),
            AllowOnSubmit = Flag(row["allow_on_submit"]),
            ReadOnly = Flag(row["read_only"]),
            NoCopy = Flag(row["no_copy"]),
            SetOnlyOnce = Flag(row["set_only_once"]),
            FetchFrom = NullIfEmpty(Text(row["fetch_from"])),
            Default = NullIfEmpty(Text(row["default"])),
        };
    }

    // Custom Field rows go after the field named by insert_after (at the end when it is unknown), as Frappe's meta does.
    private static void MergeCustom(List<FieldMeta> fields, IEnumerable<JsonObject> customFields)
    {
        foreach (var row in customFields)
        {
            var field = Field(row);
            if (field is null || fields.Any(f => f.Fieldname == field.Fieldname))
                continue;
            var after = Text(row["insert_after"]);
            var index = after is null ? -1 : fields.FindIndex(f => f.Fieldname == after);
            if (index < 0)
                fields.Add(field);
            else
                fields.Insert(index + 1, field);
        }
    }

    internal static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static int? Int(JsonNode? node)
    {
        if (node is not JsonValue value)
            return null;
        if (value.TryGetValue<int>(out var number))
            return number;
        if (value.TryGetValue<double>(out var real))
            return (int)real;
        return value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    // Frappe sends Check values as 0/1; tolerate true/false and "1"/"0" from other producers.
    internal static bool Flag(JsonNode? node)
    {
        if (node is not JsonValue value)
            return false;
        if (value.TryGetValue<bool>(out var flag))
            return flag;
        return Int(node) is { } number && number != 0;
    }
}
