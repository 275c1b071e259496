namespace ErpSync.Server.Webhooks;

/// <summary>
/// The Webhook settings <c>erpsync setup-webhook</c> installs and the server reads: request structure
/// <c>JSON</c> with a template whose values all go through Jinja's <c>json</c> filter. Frappe renders the
/// template as text and then parses it, so a plain <c>"{{ doc.name }}"</c> breaks on any name holding a
/// double quote (the delivery is silently dropped — transcript 38); the filter quotes and escapes every value.
/// The body names the DocType, the document, the event, and <c>modified</c>/<c>modified_by</c>/<c>docstatus</c>
/// for diagnosis (the server re-reads the document, so nothing else is needed and bodies stay small).
/// </summary>
public static class WebhookTemplate
{
    /// <summary>
    /// The events to register, one Webhook each. Frappe's dispatcher fires <c>on_change</c> on every save, submit,
    /// cancel and update after submit (whose own <c>on_update_after_submit</c> event never fires) and on delete, but
    /// not on insert, so <c>after_insert</c> covers inserts; <c>on_trash</c> is kept for deletes because it carries
    /// the document while it still exists. (<c>db_set</c> changes and renames send nothing; the sweep catches those.)
    /// All three are valid for any DocType: Frappe refuses only <c>on_submit</c>, <c>on_cancel</c> and
    /// <c>on_update_after_submit</c> on one that is not submittable.
    /// </summary>
    public static IReadOnlyList<string> Events { get; } = ["after_insert", "on_change", "on_trash"];

    /// <summary>The <c>request_structure</c> to set.</summary>
    public const string RequestStructure = "JSON";

    /// <summary>The <c>Content-Type</c> header row to add (Frappe sends none otherwise; the server does not need it).</summary>
    public const string ContentType = "application/json";

    /// <summary>The <c>webhook_json</c> template for <paramref name="docEvent"/> (e.g. <c>on_update</c>).</summary>
    /// <exception cref="ArgumentException">The event is empty or holds characters other than letters and underscores.</exception>
    public static string Json(string docEvent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(docEvent);
        if (!docEvent.All(c => char.IsAsciiLetterLower(c) || c == '_'))
            throw new ArgumentException($"'{docEvent}' is not a Frappe document event such as on_update.", nameof(docEvent));
        return "{\"doctype\": {{ doc.doctype | json }}, \"name\": {{ doc.name | json }}, \"action\": \"" + docEvent + "\", "
            + "\"modified\": {{ doc.modified | json }}, \"modified_by\": {{ doc.modified_by | json }}, \"docstatus\": {{ doc.docstatus | json }}}";
    }

    /// <summary>The URL path a site delivers to: <c>/webhook/cloud</c> or <c>/webhook/local</c>.</summary>
    public static string Path(Core.Sites.SiteName source) => "/webhook/" + Core.Sites.SiteNameExtensions.ToWire(source);
}
