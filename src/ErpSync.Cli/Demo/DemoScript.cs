using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Webhooks;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using ErpSync.Emulator;

namespace ErpSync.Cli.Demo;

/// <summary>
/// The demo's story, step by step, against a started <see cref="DemoSession"/>: sample data, a full sync, the
/// Webhooks, live edits on each side arriving through them, a conflict, and the status screen. Each step checks
/// its own result and fails the demo (exit 1) with the reason if the product did not do what it shows.
/// </summary>
internal sealed class DemoScript(DemoSession session, CliOutput output)
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(20);

    public async Task<DemoResult> RunAsync(CancellationToken cancellationToken)
    {
        output.Check(Mark.Info, $"cloud site (Asia/Kolkata) {session.Cloud.BaseUrl}");
        output.Check(Mark.Info, $"local site (Europe/Berlin) {session.Local.BaseUrl}");
        output.Check(Mark.Info, $"server {session.ServerUrl}, state database {session.Files.DatabasePath}");

        Step(1, "Loading sample data");
        var data = DemoData.Load(session.Cloud, session.Local);
        output.Check(Mark.Ok, $"cloud: {data.CloudDocuments} documents (3 customers, 3 items, a Sales Order with 2 items, a submitted Sales Invoice)");
        output.Check(Mark.Ok, $"local: {data.LocalDocuments} documents (2 customers, 2 items, a Sales Order with 2 items, a submitted Sales Invoice)");

        Step(2, "Full sync (erpsync sync)");
        var summary = await session.Engine.SyncAllAsync(SyncRunOptions.Default, new DemoProgress(output), cancellationToken);
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"  Total {summary.Total}, Success {summary.Success}, Failed {summary.Failed}, Conflicts {summary.Conflicts}, Skipped {summary.Skipped} in {summary.Elapsed.TotalSeconds:0.0} s"));
        if (summary.Failed > 0 || summary.Conflicts > 0)
        {
            var first = summary.Outcomes.First(o => o.Kind is SyncOutcomeKind.Failed or SyncOutcomeKind.Waiting or SyncOutcomeKind.Conflict);
            throw new CliException($"the full sync did not bring the sample data into agreement: {first.DocType} {first.CloudName ?? first.LocalName}: {first.Message}");
        }

        Step(3, "Webhooks (erpsync setup-webhook --apply)");
        var installed = 0;
        foreach (var site in new[] { session.Services.RequireCloud(), session.Services.RequireLocal() })
        {
            var targets = await WebhookPlan.ForSiteAsync(site, session.Config.SyncRules.DocTypes, session.ServerUrl, session.Files.WebhookSecret, cancellationToken);
            installed += (await WebhookInstaller.ApplyAsync(site, targets, rotateSecret: false, cancellationToken)).Count;
        }

        output.Check(Mark.Ok, $"{installed} Webhooks created on both sites, posting signed JSON to {session.ServerUrl}webhook/cloud and /webhook/local");

        Step(4, "Live edits, delivered by webhook (the periodic sweep is off in this demo)");
        await CloudEditAsync(cancellationToken);
        await LocalInsertAsync(cancellationToken);
        await CloudSubmitAsync(data.CloudOrder, cancellationToken);

        Step(5, "A conflict: both sites change the same field while webhooks are lost");
        var conflict = await ConflictAsync(cancellationToken);

        Step(6, "Status (erpsync status)");
        await QueueDrainedAsync(cancellationToken);
        var status = await session.Services.RequireDatabase().Store.GetStatusAsync(cancellationToken);
        DemoReport.Status(output, status, session);
        return new DemoResult(summary, status, conflict);
    }

    private async Task CloudEditAsync(CancellationToken cancellationToken)
    {
        const string note = "Deliver before 10:00; gate 3";
        session.Cloud.Backdoor.Update("Customer", DemoData.CloudCustomer, new JsonObject { ["customer_details"] = note });
        var localName = await LocalNameAsync("Customer", DemoData.CloudCustomer, cancellationToken);
        var elapsed = await ArriveAsync(() => Text(session.Local.Backdoor.Get("Customer", localName), "customer_details") == note,
            $"the cloud's edit of Customer {DemoData.CloudCustomer}", cancellationToken);
        output.Check(Mark.Ok, $"cloud edits Customer {DemoData.CloudCustomer} (customer_details) -> local copy {localName} updated in {Seconds(elapsed)}");
    }

    private async Task LocalInsertAsync(CancellationToken cancellationToken)
    {
        var name = DemoData.Customer(session.Local.Backdoor, DemoData.LocalNewCustomer, "Commercial");
        string? cloudName = null;
        var elapsed = await ArriveAsync(
            () =>
            {
                cloudName = session.Cloud.Backdoor.Query("Customer", "[\"name\"]", $"[[\"customer_name\", \"=\", \"{DemoData.LocalNewCustomer}\"]]").FirstOrDefault()?["name"]?.GetValue<string>();
                return cloudName is not null;
            },
            $"the local site's new Customer {name}",
            cancellationToken);
        output.Check(Mark.Ok, $"local creates Customer {name} -> created on the cloud as {cloudName} in {Seconds(elapsed)}");
    }

    private async Task CloudSubmitAsync(string order, CancellationToken cancellationToken)
    {
        session.Cloud.Backdoor.Submit("Sales Order", order);
        var localName = await LocalNameAsync("Sales Order", order, cancellationToken);
        var elapsed = await ArriveAsync(
            () => session.Local.Backdoor.Get("Sales Order", localName)?["docstatus"]?.GetValue<int>() == 1,
            $"the cloud's submit of Sales Order {order}",
            cancellationToken);
        output.Check(Mark.Ok, $"cloud submits Sales Order {order} -> local copy {localName} submitted in {Seconds(elapsed)}");
    }

    private async Task<ConflictRecord> ConflictAsync(CancellationToken cancellationToken)
    {
        var localName = await LocalNameAsync("Customer", DemoData.ConflictCustomer, cancellationToken);
        session.Cloud.Faults.DropWebhooks = 1.0;
        session.Local.Faults.DropWebhooks = 1.0;
        try
        {
            session.Cloud.Backdoor.Update("Customer", DemoData.ConflictCustomer, new JsonObject { ["email_id"] = "orders@kaveri.example" });
            session.Local.Backdoor.Update("Customer", localName, new JsonObject { ["email_id"] = "purchasing@kaveri.example" });

            // Deliveries run in the background: keep the fault on until both sites have dropped theirs.
            await session.Cloud.Backdoor.WaitForWebhooksIdleAsync(ArrivalTimeout, cancellationToken);
            await session.Local.Backdoor.WaitForWebhooksIdleAsync(ArrivalTimeout, cancellationToken);
        }
        finally
        {
            session.Cloud.Faults.DropWebhooks = 0;
            session.Local.Faults.DropWebhooks = 0;
        }

        output.Check(Mark.Info, "cloud sets email_id = orders@kaveri.example; local sets email_id = purchasing@kaveri.example");
        var outcome = await session.Engine.SyncDocumentAsync("Customer", SiteName.Cloud, DemoData.ConflictCustomer, SyncRunOptions.Default, cancellationToken);
        if (outcome.Kind != SyncOutcomeKind.Conflict)
            throw new CliException($"expected a conflict on Customer {DemoData.ConflictCustomer}, but the sync answered {outcome.Kind}: {outcome.Message}");

        var conflicts = await session.Services.RequireDatabase().Store.ListConflictsAsync(includeResolved: false, cancellationToken);
        var conflict = conflicts.First(c => c.DocType == "Customer" && (c.CloudName == DemoData.ConflictCustomer || c.DocName == DemoData.ConflictCustomer));
        output.Check(Mark.Warn, $"the next sync of Customer {DemoData.ConflictCustomer} records conflict #{conflict.Id} (strategy manual: neither site is overwritten)");
        DemoReport.Conflict(output, conflict);
        return conflict;
    }

    private async Task<string> LocalNameAsync(string docType, string cloudName, CancellationToken cancellationToken)
    {
        var record = await session.Services.RequireDatabase().Store.FindRecordAsync(docType, SiteName.Cloud, cloudName, cancellationToken);
        return record?.LocalName ?? throw new CliException($"{docType} {cloudName} has no local copy after the full sync");
    }

    /// <summary>Our own writes come back as webhooks (echoes, skipped by the engine); let them finish so the status is settled.</summary>
    private async Task QueueDrainedAsync(CancellationToken cancellationToken)
    {
        var queue = session.Services.RequireDatabase().Queue;
        await session.Cloud.Backdoor.WaitForWebhooksIdleAsync(ArrivalTimeout, cancellationToken);
        await session.Local.Backdoor.WaitForWebhooksIdleAsync(ArrivalTimeout, cancellationToken);
        await ArriveAsync(
            async () =>
            {
                var stats = await queue.GetStatsAsync(cancellationToken);
                return stats.Pending + stats.Processing == 0;
            },
            "the queue's last items",
            cancellationToken);
    }

    private static Task<TimeSpan> ArriveAsync(Func<bool> arrived, string what, CancellationToken cancellationToken) =>
        ArriveAsync(() => Task.FromResult(arrived()), what, cancellationToken);

    private static async Task<TimeSpan> ArriveAsync(Func<Task<bool>> arrived, string what, CancellationToken cancellationToken)
    {
        // Polls the target site in process: a demo step, not a test, and the emulator offers no change feed.
        var clock = Stopwatch.StartNew();
        while (!await arrived())
        {
            if (clock.Elapsed > ArrivalTimeout)
                throw new CliException($"{what} did not arrive on the other site within {ArrivalTimeout.TotalSeconds:0} s; see the log for the server's errors");
            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
        }

        return clock.Elapsed;
    }

    private void Step(int number, string title)
    {
        output.Line();
        output.Heading($"{number}. {title}");
    }

    private static string? Text(JsonObject? document, string field) => document?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s");
}
