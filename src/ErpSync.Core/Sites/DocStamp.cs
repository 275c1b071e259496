namespace ErpSync.Core.Sites;

/// <summary>A document's name and its <c>modified</c> string exactly as the site printed it (site-local time).</summary>
public sealed record DocStamp(string Name, string Modified);
