using System.Text.RegularExpressions;

namespace ErpSync.Emulator.Tests.Conformance;

/// <summary>
/// The places where the emulator deliberately answers differently from the recorded Frappe site, each with
/// its reason (also listed in the README). Everything else in the transcripts must match.
/// </summary>
internal static class Deviations
{
    private static readonly List<(Regex File, int? Exchange, Regex Path, string Reason)> Known =
    [
        (new("^01-"), null, new(@"^body\.data\.fields\[\d+\]\.show_preview_popup$"),
            "Frappe's POST /api/resource/DocType answers null for this DocField flag and 0 once stored (a column default); " +
            "the emulator answers 0 in both."),
    ];

    public static bool IsTolerated(string file, int exchange, string path) =>
        Known.Any(d => d.File.IsMatch(file) && (d.Exchange is null || d.Exchange == exchange) && d.Path.IsMatch(path));
}
