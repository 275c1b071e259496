using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;

namespace ErpSync.Emulator.Documents;

/// <summary>
/// Password fields as Frappe keeps them: the secret goes to a separate store (<c>__Auth</c>) and the document
/// holds asterisks of the same length; sending the asterisks back leaves the secret unchanged.
/// </summary>
internal static class Passwords
{
    public static void Capture(DocContext ctx, DocTypeDef meta, Doc doc, Doc? stored)
    {
        foreach (var field in meta.DataFields.Where(f => f.IsPassword))
        {
            if (doc[field.Fieldname] is not string value || value.Length == 0)
            {
                doc[field.Fieldname] = null;
                var name = doc.Name;
                ctx.Tx.AfterCommit(() => ctx.Site.Db.SetPassword(meta.Name, name, field.Fieldname, null));
                continue;
            }

            if (value.All(c => c == '*') && stored is not null)
                continue;
            var docName = doc.Name;
            ctx.Tx.AfterCommit(() => ctx.Site.Db.SetPassword(meta.Name, docName, field.Fieldname, value));
            doc[field.Fieldname] = new string('*', value.Length);
        }
    }
}
