using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Templates;

namespace ErpSync.Emulator.Controllers;

/// <summary>
/// Frappe v14's Webhook controller: events that need a submittable DocType, a parseable condition and
/// template, a request URL with a host, one body structure, unique data fields and a secret when signing.
/// </summary>
internal sealed class WebhookController : DocController
{
    private static readonly string[] SubmitEvents = ["on_submit", "on_cancel", "on_update_after_submit"];

    public override void Validate(DocContext ctx, Doc doc, DocAction action)
    {
        var target = ctx.FindMeta(doc.GetString("webhook_doctype") ?? string.Empty);
        if (target is not null && !target.IsSubmittable && SubmitEvents.Contains(doc.GetString("webhook_docevent")))
            throw Fail.Throw("DocType must be Submittable for the selected Doc Event");
        if (doc.GetString("condition") is { Length: > 0 } condition)
        {
            try
            {
                ExprParser.Compile(condition, jinja: false);
            }
            catch (TemplateException e)
            {
                throw Fail.Throw($"Invalid Condition: {e.Message}");
            }
        }

        if (!Uri.TryCreate(doc.GetString("request_url"), UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
            throw Fail.Throw("Check Request URL");
        switch (doc.GetString("request_structure"))
        {
            case "Form URL-Encoded":
                doc["webhook_json"] = null;
                break;
            case "JSON":
                try
                {
                    JinjaTemplate.Parse(doc.GetString("webhook_json") ?? string.Empty);
                }
                catch (TemplateException e)
                {
                    throw Fail.Throw($"Invalid template: {e.Message}");
                }

                doc.Table("webhook_data").Clear();
                break;
        }

        var fields = doc.Table("webhook_data").Select(r => r.GetString("fieldname")).Where(f => f is not null).ToList();
        if (fields.Count != fields.Distinct(StringComparer.Ordinal).Count())
            throw Fail.Throw("Same Field is entered more than once");
        if (PyConvert.Cint(doc["enable_security"]) == 1)
        {
            var secret = doc.GetString("webhook_secret");
            var stored = ctx.Site.Db.GetPassword("Webhook", doc.Name, "webhook_secret");
            if (string.IsNullOrEmpty(secret) || (secret.All(c => c == '*') && stored is null))
            {
                doc["webhook_secret"] = ctx.Site.Options.WebhookSecret is { Length: > 0 } fallback
                    ? fallback
                    : throw Fail.Throw("Invalid Webhook Secret");
            }
        }

        doc["meets_condition"] = "Yes";
        doc["preview_request_body"] = "Select a document to preview request data";
    }
}
