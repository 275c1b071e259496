using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Tests.Support;

/// <summary>One log line as the server wrote it, with the properties of its scopes.</summary>
internal sealed record CapturedLog(LogLevel Level, string Category, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>The line as a sink would print it: message, properties, exception.</summary>
    public string Everything =>
        $"{Message} {string.Join(' ', Properties.Select(p => $"{p.Key}={p.Value}"))} {Exception}";
}
