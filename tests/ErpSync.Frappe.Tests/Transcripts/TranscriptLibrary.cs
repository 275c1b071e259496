using System.Text.Json.Nodes;

namespace ErpSync.Frappe.Tests.Transcripts;

/// <summary>
/// The real Frappe v14 recordings in <c>shared/frappe-transcripts</c> (beside the repository in CI and in every
/// worktree). Tests replay their responses so the client is checked against what Frappe really sends.
/// </summary>
internal static class TranscriptLibrary
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    public static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder.Value, file)))!.AsObject();

    /// <summary>The exchange labelled <paramref name="label"/> (or the index-th when no label is given).</summary>
    public static TranscriptExchange Exchange(string file, int index) => new(Load(file)["exchanges"]!.AsArray()[index]!.AsObject());

    public static TranscriptExchange Exchange(string file, string label) =>
        new(Load(file)["exchanges"]!.AsArray().Select(e => e!.AsObject()).Single(e => (string?)e["label"] == label));

    public static IEnumerable<TranscriptExchange> Exchanges(string file) =>
        Load(file)["exchanges"]!.AsArray().Select(e => new TranscriptExchange(e!.AsObject()));

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // The shared recordings beside the repository; else the copy the emulator's tests keep in the repository.
            foreach (var candidate in new[]
                     {
                         Path.Combine(dir.FullName, "shared", "frappe-transcripts"),
                         Path.Combine(dir.FullName, "..", "shared", "frappe-transcripts"),
                         Path.Combine(dir.FullName, "tests", "ErpSync.Emulator.Tests", "Transcripts"),
                     })
            {
                if (File.Exists(Path.Combine(candidate, "02-get-meta.json")))
                    return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("shared/frappe-transcripts not found beside the repository; the tests replay those recordings.");
    }
}

/// <summary>One recorded request/response pair.</summary>
internal sealed record TranscriptExchange(JsonObject Raw)
{
    public string Method => (string)Raw["request"]!["method"]!;

    public string Path => (string)Raw["request"]!["path"]!;

    public JsonNode? RequestBody => Raw["request"]!["body"];

    public int Status => (int)Raw["response"]!["status"]!;

    public JsonNode? ResponseBody => Raw["response"]!["body"];

    /// <summary>The response body as Frappe put it on the wire (compact JSON, the recording's traceback placeholder kept).</summary>
    public string ResponseText => ResponseBody?.ToJsonString() ?? string.Empty;

    public string? ResponseHeader(string name) =>
        (Raw["response"]!["headers"] as JsonObject)?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();
}
