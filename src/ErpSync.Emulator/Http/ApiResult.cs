using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Http;

/// <summary>What a request answers: status, body (a dict written as compact JSON, or raw text) and extra headers.</summary>
internal sealed record ApiResult(int Status, OrderedDictionary<string, object?>? Body, string? Text = null, string ContentType = "application/json")
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>An envelope with one key (<c>data</c> or <c>message</c>) plus the request's non-raising messages.</summary>
    public static ApiResult Ok(string key, object? value, IReadOnlyList<ServerMessage>? messages = null, int status = 200)
    {
        var body = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { [key] = value };
        if (messages is { Count: > 0 })
            body["_server_messages"] = ServerMessage.Encode(messages);
        return new ApiResult(status, body);
    }

    /// <summary>A body without a <c>message</c> key (a method that returned None).</summary>
    public static ApiResult Empty(IReadOnlyList<ServerMessage>? messages = null)
    {
        var body = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        if (messages is { Count: > 0 })
            body["_server_messages"] = ServerMessage.Encode(messages);
        return new ApiResult(200, body);
    }

    public static ApiResult FromError(FrappeError error)
    {
        var body = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        if (error.ExcType is not null)
            body["exc_type"] = error.ExcType;
        if (error.ExceptionText is not null && error.Status != 404)
        {
            body["exception"] = error.ExceptionText;
            body["exc"] = Traceback(error.ExceptionText);
        }

        if (error.Messages.Count > 0)
            body["_server_messages"] = ServerMessage.Encode(error.Messages);
        if (error.ErrorMessage is not null)
            body["_error_message"] = error.ErrorMessage;
        return new ApiResult(error.Status, body);
    }

    /// <summary><c>exc</c>: a JSON list of traceback strings (Frappe's is real Python; this one names the emulator).</summary>
    public static string Traceback(string exception) =>
        PyJson.Serialize(new List<object?>
        {
            "Traceback (most recent call last):\n  File \"erpsync-emulator\", line 1, in handle\n" + exception + "\n",
        });
}
