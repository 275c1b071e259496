using System.Globalization;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Controllers.ErpNext;

/// <summary>
/// Customer and Supplier as ERPNext names them by default (Selling/Buying Settings "Customer Name" /
/// "Supplier Name"): the name is the party name; a second Customer with the same name becomes
/// "Name - 1" with a note, a second Supplier is a duplicate (409).
/// </summary>
internal sealed class PartyController(string nameField, bool suffixDuplicates) : DocController
{
    public override string? Autoname(DocContext ctx, Doc doc)
    {
        var name = PyConvert.Cstr(doc[nameField]).Trim();
        if (name.Length == 0 || !suffixDuplicates || !ctx.Tx.Exists(doc.DocType, name))
            return name.Length == 0 ? null : name;
        var prefix = name + " - ";
        var count = ctx.Tx.Scan(doc.DocType)
            .Select(d => d.Name)
            .Where(n => n.Length > prefix.Length && NameKey.Of(n).StartsWith(NameKey.Of(prefix), StringComparison.Ordinal))
            .Select(n => PyConvert.Cint(n[(n.LastIndexOf(' ') + 1)..]))
            .DefaultIfEmpty(0)
            .Max() + 1;
        var renamed = $"{name} - {count.ToString(CultureInfo.InvariantCulture)}";
        ctx.Messages.Add(new ServerMessage($"Changed customer name to '{renamed}' as '{name}' already exists.", "Note", "yellow"));
        return renamed;
    }

    public override void Validate(DocContext ctx, Doc doc, DocAction action)
    {
        if (doc[nameField] is string name)
            doc[nameField] = name.Trim();
        if (!doc.Tables.TryGetValue("credit_limits", out var limits))
            return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var limit in limits)
        {
            if (limit.GetString("company") is { } company && !seen.Add(company))
                throw Fail.Throw($"Credit limit is already defined for the Company {company}");
        }
    }
}
