namespace ErpSync.Cli.AuditLog;

/// <summary>How <c>erpsync logs</c> writes rows.</summary>
internal enum LogFormat
{
    /// <summary>Aligned columns (Spectre on a terminal): for reading.</summary>
    Table,

    /// <summary>RFC 4180 CSV with a header row, streamed: for spreadsheets.</summary>
    Csv,

    /// <summary>A JSON array, one object per line, streamed: for scripts.</summary>
    Json,
}
