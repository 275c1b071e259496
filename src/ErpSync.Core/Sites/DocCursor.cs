namespace ErpSync.Core.Sites;

/// <summary>
/// A position in a (timestamp, name) ordered stream: <c>modified</c> for documents, <c>creation</c> for
/// Deleted Document rows. Timestamps are the site's own strings (site-local time).
/// </summary>
public sealed record DocCursor(string Timestamp, string Name);
