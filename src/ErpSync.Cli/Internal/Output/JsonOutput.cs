using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpSync.Cli.Internal.Output;

/// <summary>
/// The one JSON shape of <c>--json</c>: snake_case names (as in config.yaml and Frappe), enums as snake_case
/// strings, timestamps ISO 8601 in UTC, nulls written, indented, one document per run on standard output.
/// The shapes are documented in src/ErpSync.Cli/README.md; fields are only ever added.
/// </summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
