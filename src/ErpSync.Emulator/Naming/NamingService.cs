using System.Globalization;
using System.Text.RegularExpressions;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Naming;

/// <summary>
/// <c>Document.set_new_name</c> of Frappe v14: <c>__newname</c> wins for every autoname; otherwise a client
/// <c>name</c> is kept only for Prompt; then autoincrement, amendment, controller, the DocType's
/// <c>autoname</c> option and finally a hash.
/// </summary>
internal static partial class NamingService
{
    /// <summary>Names a new document; returns true when the client chose the name through <c>__newname</c>.</summary>
    public static bool SetNewName(DocContext ctx, DocTypeDef meta, Doc doc, string? newName, string? clientName)
    {
        if (!string.IsNullOrEmpty(newName))
        {
            doc.Name = ValidateName(meta, newName);
            return true;
        }

        var autoname = meta.Autoname ?? string.Empty;
        var isPrompt = autoname.Equals("prompt", StringComparison.OrdinalIgnoreCase);
        var name = isPrompt && !string.IsNullOrEmpty(clientName) ? clientName : null;
        if (meta.IsAutoincrement)
        {
            var next = ctx.Tx.GetSequence(meta.Name) + 1;
            ctx.Tx.SetSequence(meta.Name, next);
            doc.Name = next.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        if (name is null && doc.GetString("amended_from") is { Length: > 0 } amendedFrom)
            name = AmendedName(ctx, meta, amendedFrom);
        else if (meta.IsSingle)
            name = meta.Name;
        name ??= ctx.Site.Controllers.For(meta.Name).Autoname(ctx, doc);
        if (name is null && autoname.Length > 0)
            name = FromOptions(ctx, meta, autoname, doc);
        if (string.IsNullOrEmpty(name) && autoname.StartsWith("field:", StringComparison.OrdinalIgnoreCase))
            throw Fail.Throw($"{meta.Label(autoname[6..].Trim())} is required");
        if (string.IsNullOrEmpty(name))
            name = HashNames.New(ctx.Site.Clock.TimeProvider);
        doc.Name = ValidateName(meta, name);
        return false;
    }

    /// <summary><c>set_name_from_naming_options</c>.</summary>
    public static string? FromOptions(DocContext ctx, DocTypeDef meta, string autoname, Doc doc)
    {
        var lower = autoname.ToLowerInvariant();
        var today = ctx.Site.Clock.Now();
        if (lower.StartsWith("field:", StringComparison.Ordinal))
            return PyConvert.Cstr(doc[autoname[6..].Trim()]).Trim() is { Length: > 0 } value ? value : null;
        if (lower.StartsWith("naming_series:", StringComparison.Ordinal))
        {
            var series = doc.GetString("naming_series");
            if (string.IsNullOrEmpty(series))
            {
                series = meta.Field("naming_series")?.Options?.Split('\n').FirstOrDefault(o => o.Length > 0);
                doc["naming_series"] = series;
            }

            if (string.IsNullOrEmpty(series))
                throw Fail.Throw("Naming Series mandatory");
            return SeriesParser.Parse((series + ".#####").Split('.'), doc, today, ctx.Tx);
        }

        if (lower.StartsWith("prompt", StringComparison.Ordinal))
            throw Fail.Throw("Please set the document name");
        if (lower.StartsWith("format:", StringComparison.Ordinal))
            return FormatName(ctx, autoname[(autoname.IndexOf(':', StringComparison.Ordinal) + 1)..], doc, today);
        if (lower == "hash")
            return HashNames.New(ctx.Site.Clock.TimeProvider);
        if (autoname.Contains('#', StringComparison.Ordinal))
            return SeriesParser.Parse(autoname.Split('.'), doc, today, ctx.Tx);
        return null;
    }

    /// <summary><c>_set_amended_name</c>: <c>X-1</c>; amending an amendment bumps the suffix on its root.</summary>
    public static string AmendedName(DocContext ctx, DocTypeDef meta, string amendedFrom)
    {
        var original = ctx.Tx.Get(meta.Name, amendedFrom);
        if (original is not null && PyConvert.Truthy(original["amended_from"]))
        {
            var cut = amendedFrom.LastIndexOf('-');
            var id = PyConvert.Cint(cut >= 0 ? amendedFrom[(cut + 1)..] : amendedFrom) + 1;
            var prefix = cut >= 0 ? amendedFrom[..cut] : string.Empty;
            return $"{prefix}-{id.ToString(CultureInfo.InvariantCulture)}";
        }

        return $"{amendedFrom}-1";
    }

    /// <summary><c>frappe.model.naming.validate_name</c>.</summary>
    public static string ValidateName(DocTypeDef meta, string name)
    {
        if (string.IsNullOrEmpty(name))
            throw Fail.Throw($"No Name Specified for {meta.Name}");
        if (name.StartsWith("New " + meta.Name, StringComparison.Ordinal))
            throw Fail.Throw("There were some errors setting the name, please contact the administrator", "NameError");
        if (meta.NameCase == "Title Case")
            name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name);
        else if (meta.NameCase == "UPPER CASE")
            name = name.ToUpperInvariant();
        name = name.Trim();
        if (name.Length == 0)
            throw Fail.Throw($"No Name Specified for {meta.Name}");
        if (!meta.IsSingle && name == meta.Name && name != "DocType")
            throw Fail.Throw($"Name of {meta.Name} cannot be {name}", "NameError");
        if (name.Contains('<', StringComparison.Ordinal) || name.Contains('>', StringComparison.Ordinal))
            throw Fail.Throw("Name cannot contain special characters like '<', '>'", "NameError");
        return name;
    }

    /// <summary><c>format:</c> autonames: braces replaced; a <c>{###}</c> counter is keyed by the text before it.</summary>
    private static string FormatName(DocContext ctx, string pattern, Doc doc, DateTime today)
    {
        var result = new System.Text.StringBuilder();
        var last = 0;
        foreach (Match m in BracedParams().Matches(pattern))
        {
            result.Append(pattern, last, m.Index - last);
            var param = m.Value[1..^1];
            result.Append(param.StartsWith('#')
                ? SeriesParser.NextCounter(ctx.Tx, result.ToString(), param.Length)
                : SeriesParser.Parse([param], doc, today, ctx.Tx));
            last = m.Index + m.Length;
        }

        result.Append(pattern, last, pattern.Length - last);
        return result.ToString();
    }

    [GeneratedRegex(@"\{[\w | #]+\}")]
    private static partial Regex BracedParams();
}
