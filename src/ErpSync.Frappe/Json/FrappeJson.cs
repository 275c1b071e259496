using System.Text.Encodings.Web;
using System.Text.Json;

namespace ErpSync.Frappe.Json;

/// <summary>How request JSON is written: compact, characters such as <c>&gt;</c> and non-ASCII kept as they are.</summary>
internal static class FrappeJson
{
    // The default encoder escapes '>' and non-ASCII for HTML embedding; Frappe parses either form, but filters
    // like [">=", …] stay readable in logs and transcripts this way.
    public static readonly JsonSerializerOptions Write = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
