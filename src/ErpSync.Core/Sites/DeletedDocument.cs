using System.Text.Json.Nodes;

namespace ErpSync.Core.Sites;

/// <summary>A <c>Deleted Document</c> row.</summary>
/// <param name="Name">The row's own (hash) name.</param>
/// <param name="DeletedDocType">DocType of the deleted document.</param>
/// <param name="DeletedName">Name the document had.</param>
/// <param name="Creation">When it was deleted (site-local time string).</param>
/// <param name="Data">The deleted document's last full JSON, or <c>null</c> when the row holds none.</param>
public sealed record DeletedDocument(string Name, string DeletedDocType, string DeletedName, string Creation, JsonObject? Data);
