using Microsoft.Extensions.Logging;

namespace ErpSync.Frappe.Diagnostics;

/// <summary>Log lines of the Frappe client. Never carries a secret, a token or an Authorization header.</summary>
internal static partial class FrappeLog
{
    [LoggerMessage(1, LogLevel.Debug, "{Site}: {Method} {Operation} for {DocType} {DocName} answered {Status} in {ElapsedMs} ms")]
    public static partial void RequestCompleted(ILogger logger, string site, string method, string operation, string? docType, string? docName, int status, double elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "{Site}: {Method} {Operation} for {DocType} {DocName} failed ({Kind}), retry {Attempt} in {DelayMs} ms: {Reason}")]
    public static partial void Retrying(ILogger logger, string site, string method, string operation, string? docType, string? docName, string kind, int attempt, double delayMs, string reason);

    [LoggerMessage(3, LogLevel.Error, "{Site}: circuit opened for {BreakSeconds} s after repeated failures: {Reason}")]
    public static partial void CircuitOpened(ILogger logger, string site, double breakSeconds, string reason);

    [LoggerMessage(4, LogLevel.Information, "{Site}: circuit half-open, probing the site")]
    public static partial void CircuitHalfOpened(ILogger logger, string site);

    [LoggerMessage(5, LogLevel.Information, "{Site}: circuit closed, the site answers again")]
    public static partial void CircuitClosed(ILogger logger, string site);

    [LoggerMessage(6, LogLevel.Warning, "{Site}: {Method} {Operation} for {DocType} {DocName} may have reached the site before the connection failed; not re-sent: {Reason}")]
    public static partial void NotResent(ILogger logger, string site, string method, string operation, string? docType, string? docName, string reason);

    [LoggerMessage(7, LogLevel.Information, "{Site}: metadata of {DocType} read through {Source}")]
    public static partial void MetaLoaded(ILogger logger, string site, string docType, string source);

    [LoggerMessage(8, LogLevel.Warning, "{Site}: {DocType} {DocName} in Deleted Document {RowName} has unreadable data: {Reason}")]
    public static partial void DeletedDataUnreadable(ILogger logger, string site, string docType, string docName, string rowName, string reason);

    [LoggerMessage(9, LogLevel.Warning, "{Site}: custom fields of {DocType} could not be read, metadata from the DocType alone: {Reason}")]
    public static partial void CustomFieldsUnreadable(ILogger logger, string site, string docType, string reason);

    [LoggerMessage(10, LogLevel.Information, "{Site}: Frappe version unknown, {Method} refused: {Reason}")]
    public static partial void VersionUnknown(ILogger logger, string site, string method, string reason);
}
