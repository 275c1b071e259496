using System.Text.RegularExpressions;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Validation;

/// <summary>
/// <c>Document._validate_mandatory</c>: one message per missing required field of the document and its rows,
/// then a MandatoryError (no exc_type) listing the fieldnames.
/// </summary>
internal static partial class MandatoryValidator
{
    public static void Validate(DocContext ctx, DocTypeDef meta, Doc doc)
    {
        var missing = new List<(string Field, string Message)>();
        Collect(meta, doc, missing);
        foreach (var (tableField, rows) in doc.Tables)
        {
            var childMeta = ctx.FindMeta(meta.Field(tableField)?.Options ?? string.Empty);
            if (childMeta is null)
                continue;
            foreach (var row in rows)
                Collect(childMeta, row, missing);
        }

        if (missing.Count == 0)
            return;
        throw Fail.Raise("MandatoryError", $"[{meta.Name}, {doc.Name}]: {string.Join(", ", missing.Select(m => m.Field))}",
            missing.Select(m => new ServerMessage(m.Message)).ToArray());
    }

    private static void Collect(DocTypeDef meta, Doc doc, List<(string, string)> missing)
    {
        var isRow = doc.Values.ContainsKey("parentfield");
        foreach (var field in meta.Fields.Where(f => f.Reqd && f.Kind != FieldKind.Layout))
        {
            bool empty;
            if (field.IsTable)
                empty = !doc.Tables.TryGetValue(field.Fieldname, out var rows) || rows.Count == 0;
            else
                empty = doc[field.Fieldname] is null || StripHtml(PyConvert.Cstr(doc[field.Fieldname])).Trim().Length == 0;
            if (!empty)
                continue;
            string message;
            if (field.IsTable)
                message = $"Error: Data missing in table: {field.DisplayLabel}";
            else if (isRow)
                message = $"Error: <strong>{meta.Name}</strong> Row #{PyConvert.Cint(doc["idx"])}: Value missing for: {field.DisplayLabel}";
            else
                message = $"Error: Value missing for {meta.Name}: {field.DisplayLabel}";
            missing.Add((field.Fieldname, message));
        }
    }

    private static string StripHtml(string text) => text.Contains('<', StringComparison.Ordinal) ? HtmlTag().Replace(text, string.Empty) : text;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();
}
