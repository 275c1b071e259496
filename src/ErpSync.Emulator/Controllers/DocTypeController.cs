using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Naming;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Controllers;

/// <summary>
/// DocTypes created or changed over REST (<c>custom</c> = 1, as without developer mode): field checks,
/// <c>amended_from</c> added to submittable DocTypes, and the compiled metadata swapped in on commit.
/// </summary>
internal sealed class DocTypeController : DocController
{
    public override void Validate(DocContext ctx, Doc doc, DocAction action)
    {
        if (PyConvert.Cint(doc["custom"]) != 1 && !ctx.Site.Metas.Exists(doc.Name))
            throw Fail.Throw("Not in Developer Mode! Set in site_config.json or make 'Custom' DocType.", "ValidationError", "Not in Developer Mode");
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var field in doc.Table("fields"))
        {
            var idx = PyConvert.Cint(field["idx"]);
            var fieldtype = field.GetString("fieldtype") ?? "Data";
            var fieldname = field.GetString("fieldname");
            if (string.IsNullOrEmpty(fieldname) && FieldTypes.KindOf(fieldtype) != FieldKind.Layout)
            {
                fieldname = Fail.Scrub(field.GetString("label") ?? string.Empty);
                if (fieldname.Length == 0)
                    throw Fail.Throw($"Fieldname not set for Custom Field in row {idx}");
                field["fieldname"] = fieldname;
            }

            if (!string.IsNullOrEmpty(fieldname) && seen.TryGetValue(fieldname, out var firstRow))
                throw Fail.Throw($"Fieldname {fieldname} appears multiple times in rows {firstRow}, {idx}");
            if (!string.IsNullOrEmpty(fieldname))
                seen[fieldname] = idx;
            if (fieldtype == "Check" && string.IsNullOrEmpty(field.GetString("default")))
                field["default"] = "0";
            if (fieldtype is "Link" or "Table" or "Table MultiSelect")
            {
                var options = field.GetString("options");
                var label = field.GetString("label") ?? fieldname;
                if (string.IsNullOrEmpty(options))
                    throw Fail.Throw($"Options required for Link or Table type field {label} in row {idx}");
                if (options != doc.Name && !ctx.Site.Metas.Exists(options) && !ctx.Tx.Exists("DocType", options))
                    throw Fail.Throw($"Options must be a valid DocType for field <strong>{label}</strong> in row {idx}");
            }
        }
    }

    public override void AfterSave(DocContext ctx, Doc doc, DocAction action)
    {
        if (PyConvert.Cint(doc["is_submittable"]) == 1 && !doc.Table("fields").Any(f => f.GetString("fieldname") == "amended_from"))
        {
            // Frappe adds this in on_update with a separate insert, so the row carries no __unsaved flag.
            var row = new Doc("DocField") { Name = HashNames.New(ctx.Site.Clock.TimeProvider) };
            foreach (var field in ctx.Meta("DocField").DataFields)
                row[field.Fieldname] = ValueCoercer.Coerce(field, DocumentBuilder.DefaultFor(ctx, field));
            row["fieldname"] = "amended_from";
            row["label"] = "Amended From";
            row["fieldtype"] = "Link";
            row["options"] = doc.Name;
            row["read_only"] = 1L;
            row["no_copy"] = 1L;
            row["print_hide"] = 1L;
            row["search_index"] = 1L;
            row["precision"] = null;
            row["idx"] = (long)doc.Table("fields").Count + 1;
            foreach (var key in new[] { "owner", "creation", "modified", "modified_by", "docstatus" })
                row[key] = doc[key];
            row["parent"] = doc.Name;
            row["parentfield"] = "fields";
            row["parenttype"] = "DocType";
            doc.Table("fields").Add(row);
        }

        var definition = DocSerializer.ToDict(doc, ctx.Site.MetaLookup, includeNulls: true);
        ctx.Tx.AfterCommit(() => ctx.Site.Metas.Register(DocTypeDef.Compile(definition)));
    }

    public override void OnTrash(DocContext ctx, Doc doc)
    {
        if (PyConvert.Cint(doc["custom"]) != 1)
            throw Fail.Throw("Not in Developer Mode! Set in site_config.json or make 'Custom' DocType.", "ValidationError", "Not in Developer Mode");
        var name = doc.Name;
        foreach (var record in ctx.Tx.Scan(name).ToList())
            ctx.Tx.Delete(name, record.Name);
        ctx.Tx.AfterCommit(() =>
        {
            ctx.Site.Metas.Remove(name);
            ctx.Site.Db.DropTable(name);
        });
    }
}
