namespace ErpSync.Cli.AuditLog;

/// <summary>RFC 4180 CSV: CRLF line ends; a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled; null is empty.</summary>
internal static class CsvWriter
{
    public static void WriteRecord(TextWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(Field(fields[i]));
        }

        writer.Write("\r\n");
    }

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
