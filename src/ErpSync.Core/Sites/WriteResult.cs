using System.Text.Json.Nodes;

namespace ErpSync.Core.Sites;

/// <summary>The expected outcomes of a compare-and-swap write.</summary>
public abstract record WriteResult;

/// <summary>The site accepted the write; <paramref name="Document"/> is what the server returned.</summary>
public sealed record Written(JsonObject Document) : WriteResult;

/// <summary>
/// The site refused the write with <c>TimestampMismatchError</c>: the document changed after the expected
/// <c>modified</c>. The caller re-reads and decides again; re-sending with the fresh timestamp would lose an update.
/// </summary>
public sealed record StaleWrite(string Message) : WriteResult;
