using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Documents;

/// <summary>
/// What Frappe's child-table save actually writes (<c>update_child_table</c> + <c>db_update</c>): a named row
/// is an <c>UPDATE … WHERE name=…</c>, so a name unknown on this site writes nothing (the row is lost) and a
/// name belonging to another document moves that row here, leaving the other document's <c>modified</c> alone.
/// </summary>
internal static class ChildRowWrites
{
    /// <summary>The version of <paramref name="doc"/> to commit; moves rows out of other documents in the transaction.</summary>
    public static Doc Resolve(DocContext ctx, DocTypeDef meta, Doc stored, Doc doc, HashSet<string> tablesSent)
    {
        if (tablesSent.Count == 0)
            return doc;
        var committed = doc.Clone();
        foreach (var tableField in tablesSent)
        {
            var rows = doc.Tables.GetValueOrDefault(tableField) ?? [];
            var kept = new List<Doc>();
            foreach (var row in rows)
            {
                if (row.Unsaved)
                {
                    kept.Add(row);
                    continue;
                }

                var ownRow = stored.AllChildren().FirstOrDefault(r => r.DocType == row.DocType && NameKey.Equal(r.Name, row.Name));
                if (ownRow is not null)
                {
                    kept.Add(WithName(row, ownRow.Name));
                    continue;
                }

                var location = ctx.Tx.FindRow(row.DocType, row.Name);
                if (location is null || (location.ParentDocType == meta.Name && NameKey.Equal(location.ParentName, doc.Name)))
                    continue;
                var foreignRowName = MoveOut(ctx, location, row);
                if (foreignRowName is not null)
                    kept.Add(WithName(row, foreignRowName));
            }

            committed.Tables[tableField] = kept;
        }

        return committed;
    }

    private static string? MoveOut(DocContext ctx, RowLocation location, Doc row)
    {
        var owner = ctx.Tx.Get(location.ParentDocType, location.ParentName);
        if (owner is null)
            return null;
        var copy = owner.Clone();
        var rows = copy.Table(location.ParentField);
        var index = rows.FindIndex(r => NameKey.Equal(r.Name, row.Name));
        if (index < 0)
            return null;
        var originalName = rows[index].Name;
        rows.RemoveAt(index);
        ctx.Tx.Put(copy);
        return originalName;
    }

    private static Doc WithName(Doc row, string name)
    {
        if (row.Name == name)
            return row;
        var copy = row.Clone();
        copy.Name = name;
        return copy;
    }
}
