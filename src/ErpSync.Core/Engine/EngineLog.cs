using Microsoft.Extensions.Logging;

namespace ErpSync.Core.Engine;

/// <summary>The engine's log lines (source-generated); never a document's content or a secret.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "{DocType}: the sites' DocTypes differ; only shared fields are synced. Only on cloud: [{OnlyOnCloud}]; only on local: [{OnlyOnLocal}]; other: [{Mismatches}]")]
    public static partial void SchemaDrift(ILogger logger, string docType, string onlyOnCloud, string onlyOnLocal, string mismatches);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Link cycle: {DocType} is synced before {Target} (via {Via}); its documents sync their links first one by one")]
    public static partial void CycleBroken(ILogger logger, string docType, string target, string via);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "{DocType} {DocName} ({Site}): {Action} {Direction}: {Message}")]
    public static partial void Applied(ILogger logger, string docType, string docName, string site, string action, string direction, string message);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "{DocType} {DocName} ({Site}): conflict: {Reason}")]
    public static partial void Conflict(ILogger logger, string docType, string docName, string site, string reason);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "{DocType} {DocName} ({Site}) waits: {Reason}")]
    public static partial void Waiting(ILogger logger, string docType, string docName, string site, string reason);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "{DocType} {DocName} ({Site}) failed: {Reason}")]
    public static partial void Failed(ILogger logger, string docType, string docName, string site, string reason);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Debug, Message = "{DocType} {DocName} ({Site}): read again and re-planned (attempt {Attempt}): {Reason}")]
    public static partial void Replanned(ILogger logger, string docType, string docName, string site, int attempt, string reason);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Information, Message = "{DocType} {DocName} ({Site}) syncs its dependency {Dependency} first")]
    public static partial void DependencyFirst(ILogger logger, string docType, string docName, string site, string dependency);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Information, Message = "{DocType} paired cloud {CloudName} with local {LocalName}: {How}")]
    public static partial void Adopted(ILogger logger, string docType, string cloudName, string localName, string how);

    [LoggerMessage(EventId = 5017, Level = LogLevel.Debug, Message = "{DocType} {DocName} ({Site}): {Message}")]
    public static partial void Skipped(ILogger logger, string docType, string docName, string site, string message);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "{DocType}: {Total} documents, {Work} to check, {Unchanged} unchanged (not fetched)")]
    public static partial void RunPlanned(ILogger logger, string docType, int total, int work, int unchanged);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "{DocType}: the run stopped before syncing, the document lists could not be read: {Reason}")]
    public static partial void ListingFailed(ILogger logger, string docType, string reason);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Information, Message = "{DocType}: {Success} applied, {Failed} failed or waiting, {Conflicts} conflicts, {Skipped} skipped in {ElapsedMs} ms")]
    public static partial void RunFinished(ILogger logger, string docType, int success, int failed, int conflicts, int skipped, long elapsedMs);

    [LoggerMessage(EventId = 5030, Level = LogLevel.Information, Message = "Conflict {ConflictId} ({DocType} {DocName}) resolved: {Resolution}")]
    public static partial void ConflictResolved(ILogger logger, long conflictId, string docType, string docName, string resolution);
}
