namespace ErpSync.Store.Cursors;

/// <summary><c>sync_cursors</c>: the sweep's last (timestamp, name) per site, DocType and stream.</summary>
internal static class CursorSql
{
    public const string Get = "SELECT ts, name FROM sync_cursors WHERE site = @Site AND doctype = @DocType AND kind = @Kind";

    public const string Set = """
        INSERT INTO sync_cursors (site, doctype, kind, ts, name, updated_at) VALUES (@Site, @DocType, @Kind, @Timestamp, @Name, @Now)
        ON CONFLICT (site, doctype, kind) DO UPDATE SET ts = excluded.ts, name = excluded.name, updated_at = excluded.updated_at
        """;
}
