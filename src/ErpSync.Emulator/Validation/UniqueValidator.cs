using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Validation;

/// <summary>
/// What MariaDB's unique indexes enforce when Frappe writes: the primary key (409 DuplicateEntryError)
/// and <c>unique</c> fields (417 UniqueValidationError without exc_type), compared under the collation.
/// </summary>
internal static class UniqueValidator
{
    public static void CheckNewName(DocContext ctx, DocTypeDef meta, Doc doc)
    {
        if (ctx.Tx.Exists(meta.Name, doc.Name))
            throw Fail.Duplicate(meta.Name, doc.Name);
    }

    public static void CheckUniqueFields(DocContext ctx, DocTypeDef meta, Doc doc)
    {
        foreach (var field in meta.DataFields.Where(f => f.Unique))
        {
            var value = doc[field.Fieldname];
            if (value is string s && s.Trim().Length == 0)
            {
                doc[field.Fieldname] = null;
                continue;
            }

            if (value is null)
                continue;
            var text = PyConvert.Cstr(value);
            foreach (var other in ctx.Tx.FindByValue(meta.Name, field.Fieldname, text))
            {
                if (!NameKey.Equal(other.Name, doc.Name))
                {
                    var integrity = $"Duplicate entry '{text}' for key '{field.Fieldname}'";
                    throw new FrappeError(417,
                        $"frappe.exceptions.UniqueValidationError: ({PyFormat.ReprString(meta.Name)}, {PyFormat.ReprString(doc.Name)}, IntegrityError(1062, {PyFormat.ReprString(integrity)}))")
                    {
                        Messages = [new ServerMessage($"{field.DisplayLabel} must be unique")],
                    };
                }
            }
        }
    }
}
