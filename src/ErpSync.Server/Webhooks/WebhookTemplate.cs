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
    /// The events to register, one Webhook each. Insert fires <c>on_update</c> as well as <c>after_insert</c>,
    /// and submit fires <c>on_update</c>, so <c>on_update</c> covers inserts, saves and submits; cancel and delete
    /// fire only their own event. (<c>on_update_after_submit</c> never fires in Frappe; changes made that way, and
    /// <c>db_set</c> changes, are caught by the server's sweep.)
    /// </summary>
    public static IReadOnlyList<string> Events { get; } = ["on_update", "on_cancel", "on_trash"];

    /// <summary>
    /// The events to register for one DocType: Frappe refuses a Webhook on <c>on_cancel</c> (or <c>on_submit</c>)
    /// for a DocType that is not submittable ("DocType must be Submittable for the selected Doc Event"), so those
    /// get <c>on_update</c> and <c>on_trash</c> only.
    /// </summary>
    public static IReadOnlyList<string> EventsFor(bool isSubmittable) =>
        isSubmittable ? Events : Events.Where(e => e != "on_cancel").ToArray();

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
