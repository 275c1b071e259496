using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Storage;
using ErpSync.Emulator.Templates;

namespace ErpSync.Emulator.Webhooks;

/// <summary>
/// <c>run_webhooks</c>: matches a request's events against enabled Webhooks (event, DocType, condition),
/// one job per (webhook, document) per request, and queues the jobs only after the request commits.
/// Only after_insert, on_update, on_submit, on_cancel, on_trash and (not while inserting) on_change are
/// dispatched, so on_update_after_submit webhooks never fire — as in Frappe v14.
/// </summary>
internal sealed class WebhookDispatcher(WebhookWorker worker)
{
    private static readonly HashSet<string> Dispatched = new(StringComparer.Ordinal)
    {
        "on_update", "after_insert", "on_submit", "on_cancel", "on_trash",
    };

    public void Collect(DocContext ctx)
    {
        if (ctx.Events.Count == 0)
            return;
        // frappe.get_all without order_by sorts by modified desc, so the newest Webhook's job is queued first.
        var hooks = ctx.Tx.Scan("Webhook").Where(h => PyConvert.Cint(h["enabled"]) == 1)
            .Select((h, i) => (Hook: h, Index: i))
            .OrderByDescending(x => x.Hook.GetString("modified"), StringComparer.Ordinal)
            .ThenByDescending(x => x.Index)
            .Select(x => x.Hook)
            .ToList();
        if (hooks.Count == 0)
            return;
        var executed = new HashSet<(string, string)>();
        var jobs = new List<WebhookJob>();
        foreach (var ev in ctx.Events)
        {
            var dispatched = Dispatched.Contains(ev.Method) || (!ev.InInsert && ev.Method == "on_change");
            if (!dispatched)
                continue;
            foreach (var hook in hooks)
            {
                if (hook.GetString("webhook_doctype") != ev.Doc.DocType || hook.GetString("webhook_docevent") != ev.Method)
                    continue;
                if (!ConditionHolds(ctx, hook, ev.Doc))
                    continue;
                if (executed.Add((hook.Name, NameKey.Of(ev.Doc.Name))))
                    jobs.Add(new WebhookJob(hook.Name, ev.Doc, ev.Method, ctx.User));
            }
        }

        if (jobs.Count > 0)
            ctx.Tx.AfterCommit(() => worker.Enqueue(jobs));
    }

    private static bool ConditionHolds(DocContext ctx, Doc hook, Doc doc)
    {
        var condition = hook.GetString("condition");
        if (string.IsNullOrWhiteSpace(condition))
            return true;
        try
        {
            var scope = WebhookScope.For(DocSerializer.ToDict(doc, ctx.Site.MetaLookup, includeNulls: true), ctx.Site.Clock);
            return PyConvert.Truthy(ExprParser.Compile(condition, jinja: false)(scope));
        }
        catch (TemplateException e)
        {
            // Frappe evaluates the condition inside the save, so a failing one fails the request.
            throw Fail.Server(e.Message);
        }
    }
}
