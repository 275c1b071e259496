using System.Text.Json.Nodes;

namespace ErpSync.Server.Tests.Support;

/// <summary>
/// The real Frappe v14 recordings: <c>shared/frappe-transcripts</c> beside the repository, or the copy the
/// emulator's tests keep in the repository.
/// </summary>
internal static class Transcripts
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    public static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder.Value, file)))!.AsObject();

    /// <summary>Every webhook delivery recorded in files 32–38: raw body and the signature check Frappe's receiver made.</summary>
    public static IEnumerable<JsonObject> Deliveries() =>
        Directory.GetFiles(Folder.Value, "3*-webhook-*.json").Order(StringComparer.Ordinal)
            .SelectMany(f => Load(Path.GetFileName(f))["received"]?.AsArray() ?? [])
            .OfType<JsonObject>();

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
                     {
                         Path.Combine(dir.FullName, "shared", "frappe-transcripts"),
                         Path.Combine(dir.FullName, "..", "shared", "frappe-transcripts"),
                         Path.Combine(dir.FullName, "tests", "ErpSync.Emulator.Tests", "Transcripts"),
                     })
            {
                if (File.Exists(Path.Combine(candidate, "32-webhook-after_insert.json")))
                    return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("The Frappe transcripts (shared/frappe-transcripts) were not found above " + AppContext.BaseDirectory);
    }
}
