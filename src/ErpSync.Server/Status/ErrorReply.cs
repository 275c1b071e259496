namespace ErpSync.Server.Status;

/// <summary>An error answer: <c>{"status": "error", "message": …}</c>.</summary>
internal sealed record ErrorReply(string Status, string Message);
