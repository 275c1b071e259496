using System.Text.Json.Nodes;
using ErpSync.Frappe.Errors;

namespace ErpSync.Frappe.Http;

/// <summary>One API call: verb, relative path (already encoded), optional JSON body.</summary>
/// <param name="Method">HTTP verb.</param>
/// <param name="Path">Path and query relative to the site's base URL.</param>
/// <param name="Context">What the call is about, for errors, logs and metrics.</param>
/// <param name="Body">JSON object to send, if any.</param>
/// <param name="Idempotent">
/// Whether sending it twice is harmless. A non-idempotent call (insert, rename) is re-sent only when the first
/// attempt certainly never reached the site.
/// </param>
internal sealed record FrappeRequest(HttpMethod Method, string Path, RequestContext Context, JsonObject? Body = null, bool Idempotent = true);
