using ErpSync.Core.State;

namespace ErpSync.Cli.AuditLog;

/// <summary>
/// One exported audit row. Its property names (snake_case in JSON and in the CSV header) are a stable
/// interface for scripts: fields are only ever added.
/// </summary>
internal sealed record LogRow(
    long Id,
    DateTimeOffset Timestamp,
    string Doctype,
    string Docname,
    string? CloudName,
    string? LocalName,
    string Action,
    string Direction,
    string Status,
    string? Message,
    string? ChangesJson)
{
    public static readonly IReadOnlyList<string> Columns =
        ["id", "timestamp", "doctype", "docname", "cloud_name", "local_name", "action", "direction", "status", "message", "changes_json"];

    public static LogRow From(SyncLogEntry entry) => new(
        entry.Id, entry.Timestamp.ToUniversalTime(), entry.DocType, entry.DocName, entry.CloudName, entry.LocalName,
        entry.Action, entry.Direction, entry.Status, entry.Message, entry.ChangesJson);

    public IReadOnlyList<string?> Values() =>
    [
        Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        Doctype, Docname, CloudName, LocalName, Action, Direction, Status, Message, ChangesJson,
    ];
}
