using ErpSync.Core.Sites;

namespace ErpSync.Core.State;

/// <summary>An event to queue: "this document on this site may have changed".</summary>
/// <param name="Source">Site the event came from.</param>
/// <param name="DocType">DocType.</param>
/// <param name="DocName">Name on <paramref name="Source"/>.</param>
/// <param name="Action">Event (<c>after_insert</c>, <c>on_update</c>, <c>on_trash</c>, <c>sweep</c>, …).</param>
/// <param name="Payload">The raw body or a JSON note, kept for diagnosis.</param>
public sealed record NewQueueItem(SiteName Source, string DocType, string DocName, string Action, string Payload);
