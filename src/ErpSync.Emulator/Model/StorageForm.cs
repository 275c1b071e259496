using ErpSync.Emulator.Meta;

namespace ErpSync.Emulator.Model;

/// <summary>
/// What MariaDB hands back for a written document: Date, Datetime and Time values reparsed and printed the
/// way Python's <c>str()</c> prints them (so <c>…:00.000000</c> reads back as <c>…:00</c>). A request's own
/// answer keeps the values as it set them, like Frappe's in-memory document.
/// </summary>
internal static class StorageForm
{
    /// <summary>The document as stored: the same instance when nothing changes, else a normalised copy.</summary>
    public static Doc Of(Doc doc, Func<string, DocTypeDef?> metas) => NeedsChange(doc, metas) ? Normalised(doc, metas) : doc;

    private static bool NeedsChange(Doc doc, Func<string, DocTypeDef?> metas)
    {
        var meta = metas(doc.DocType);
        foreach (var (key, value) in doc.Values)
        {
            if (value is string text && KindOf(meta, key) is { } kind && Normalise(kind, text) != text)
                return true;
        }

        return doc.AllChildren().Any(row => NeedsChange(row, metas));
    }

    private static Doc Normalised(Doc doc, Func<string, DocTypeDef?> metas)
    {
        var copy = doc.Clone();
        Apply(copy, metas);
        return copy;
    }

    private static void Apply(Doc doc, Func<string, DocTypeDef?> metas)
    {
        var meta = metas(doc.DocType);
        foreach (var key in doc.Values.Keys.ToList())
        {
            if (doc.Values[key] is string text && KindOf(meta, key) is { } kind)
                doc.Values[key] = Normalise(kind, text);
        }

        foreach (var row in doc.AllChildren())
            Apply(row, metas);
    }

    private static FieldKind? KindOf(DocTypeDef? meta, string key)
    {
        if (key is "creation" or "modified")
            return FieldKind.Datetime;
        return meta?.Field(key)?.Kind is FieldKind.Date or FieldKind.Datetime or FieldKind.Time ? meta.Field(key)!.Kind : null;
    }

    private static string Normalise(FieldKind kind, string text) => kind switch
    {
        FieldKind.Date => DateValues.TryParseDatetime(text, out var d) ? DateValues.FormatDate(d) : text,
        FieldKind.Datetime => DateValues.TryParseDatetime(text, out var dt) ? DateValues.FormatDatetime(dt) : text,
        FieldKind.Time => DateValues.TryParseTime(text, out var t) ? DateValues.FormatTime(t) : text,
        _ => text,
    };
}
