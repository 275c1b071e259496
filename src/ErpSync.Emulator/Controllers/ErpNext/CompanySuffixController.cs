using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Controllers.ErpNext;

/// <summary>Warehouse and Account names: "Stores - EC" — the name field plus the company's abbreviation.</summary>
internal sealed class CompanySuffixController(string nameField, string? numberField = null) : DocController
{
    public override string? Autoname(DocContext ctx, Doc doc)
    {
        var baseName = PyConvert.Cstr(doc[nameField]).Trim();
        if (numberField is not null && PyConvert.Cstr(doc[numberField]).Trim() is { Length: > 0 } number)
            baseName = $"{number} - {baseName}";
        var abbr = doc.GetString("company") is { } company ? ctx.Tx.Get("Company", company)?.GetString("abbr") : null;
        if (string.IsNullOrEmpty(abbr))
            return baseName.Length > 0 ? baseName : null;
        var suffix = " - " + abbr;
        return baseName.EndsWith(suffix, StringComparison.Ordinal) ? baseName : baseName + suffix;
    }
}
