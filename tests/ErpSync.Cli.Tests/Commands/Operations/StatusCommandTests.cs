using System.Text.Json;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.State;
using ErpSync.Store.Presence;

namespace ErpSync.Cli.Tests.Commands.Operations;

public sealed class StatusCommandTests
{
    private const string Thresholds = """
        alerts:
          thresholds:
            errors: 3
            dead_letters: 1
            unresolved_conflicts: 2
            queue_age_seconds: 600
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Status_EmptyDatabase_ShowsZeroCountsEveryConfiguredDocTypeAndNoAlert()
    {
        using var state = new StateFolder();
        await state.SeedAsync(_ => Task.CompletedTask);

        var result = await state.RunAsync("status", "--check");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain($"state database: SQLite {state.DatabasePath}");
        result.Out.ShouldContain("[WARN] no server is running");
        result.Out.ShouldMatch(@"(?m)^total\s+0$");
        result.Out.ShouldMatch(@"(?m)^Customer\s+0\s+0\s+0\s+0\s+never\s+-$");
        result.Out.ShouldMatch(@"(?m)^Item\s+0\s+0\s+0\s+0\s+never\s+-$");
        result.Out.ShouldContain("recent operations: none yet");
        result.Out.ShouldContain("[OK] no alert threshold crossed");
    }

    [Fact]
    public async Task Status_CheckWithFiguresBelowEveryThreshold_ExitsZero()
    {
        using var state = new StateFolder(Thresholds);
        await state.SeedAsync(async db =>
        {
            await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "C-1", "C-1", SyncStatus.Error), Ct);
            await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "C-2", "C-2", SyncStatus.Failed), Ct);
            await db.Store.CommitAsync(new SyncCommit(StateFolder.Pair("Item", "I-1", "I-1", SyncStatus.Conflict), [], new ConflictRecord { DocType = "Item", DocName = "I-1" }), Ct);
            await db.Queue.EnqueueAsync(StateFolder.Event("C-3"), Ct);
        });
        state.Clock.Advance(TimeSpan.FromSeconds(599));

        var result = await state.RunAsync("status", "--check");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("[OK] no alert threshold crossed");
        result.Out.ShouldMatch(@"(?m)^error\s+1$");
        result.Out.ShouldMatch(@"(?m)^failed\s+1$");
        result.Out.ShouldMatch(@"(?m)^oldest waiting\s+9 min$");
    }

    [Fact]
    public async Task Status_CheckWithADeadLetteredItem_ExitsOneAndSaysWhatToDo()
    {
        using var state = new StateFolder(Thresholds);
        await state.SeedAsync(async db =>
        {
            var id = await db.Queue.EnqueueAsync(StateFolder.Event("C-9"), Ct);
            await db.Queue.ClaimAsync("w", 1, Lease, Ct);
            await db.Queue.FailAsync(id, "w", "rejected by the site", null, Ct);
        });

        var result = await state.RunAsync("status", "--check");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("[FAIL] alert dead_letters: 1 dead-lettered queue item(s) (threshold 1): retries are exhausted; fix the cause, then 'erpsync retry --all'");
        result.Out.ShouldMatch(@"(?m)^dead-lettered\s+1$");
    }

    [Fact]
    public async Task Status_WithoutCheck_ExitsZeroEvenWhenAThresholdIsCrossed()
    {
        using var state = new StateFolder(Thresholds);
        await state.SeedAsync(async db =>
        {
            foreach (var name in new[] { "C-1", "C-2", "C-3" })
                await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", name, name, SyncStatus.Error), Ct);
        });

        var result = await state.RunAsync("status");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("[FAIL] alert errors: 3 document pair(s) in error or failed (threshold 3)");
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    public async Task Status_CheckErrorPairs_ExitsOneOnlyFromTheThreshold(int errorPairs, int expectedExit)
    {
        using var state = new StateFolder(Thresholds);
        await state.SeedAsync(async db =>
        {
            for (var i = 0; i < errorPairs; i++)
                await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", $"C-{i}", $"C-{i}", SyncStatus.Error), Ct);
        });

        var result = await state.RunAsync("status", "--check");

        result.ExitCode.ShouldBe(expectedExit, result.ToString());
    }

    [Fact]
    public async Task Status_CheckOldestQueueItemPastItsAge_ExitsOne()
    {
        using var state = new StateFolder(Thresholds);
        await state.SeedAsync(db => db.Queue.EnqueueAsync(StateFolder.Event("C-1"), Ct));
        state.Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await state.RunAsync("status", "--check");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("[FAIL] alert queue_age: the oldest waiting queue item is 10 min old (threshold 10 min)");
        result.Out.ShouldMatch(@"(?m)^Customer\s+0\s+0\s+0\s+0\s+never\s+10 min$");
    }

    [Fact]
    public async Task Status_CheckWithThresholdsTurnedOff_ExitsZeroWhateverTheFigures()
    {
        using var state = new StateFolder("""
            alerts:
              thresholds:
                errors: 0
                dead_letters: 0
                unresolved_conflicts: 0
                queue_age_seconds: 0
            """);
        await state.SeedAsync(async db =>
        {
            var id = await db.Queue.EnqueueAsync(StateFolder.Event("C-9"), Ct);
            await db.Queue.ClaimAsync("w", 1, Lease, Ct);
            await db.Queue.FailAsync(id, "w", "rejected", null, Ct);
            await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "C-1", "C-1", SyncStatus.Failed), Ct);
        });
        state.Clock.Advance(TimeSpan.FromDays(2));

        var result = await state.RunAsync("status", "--check");

        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public async Task Status_Json_ReportsCountsQueueLagOperationsConflictsServersAndAlerts()
    {
        using var state = new StateFolder(Thresholds);
        await state.SeedAsync(async db =>
        {
            await db.Store.CommitAsync(new SyncCommit(StateFolder.Pair("Customer", "C-1", "L-1"), [StateFolder.Log("C-1", message: "created on local")]), Ct);
            await db.Store.CommitAsync(new SyncCommit(StateFolder.Pair("Item", "I-1", "I-1", SyncStatus.Conflict), [StateFolder.Log("I-1", "Item", "conflict")],
                new ConflictRecord { DocType = "Item", DocName = "I-1", ConflictingFields = ["item_name", "description"] }), Ct);
            await db.Store.CommitAsync(new SyncCommit(StateFolder.Pair("Item", "I-2", "I-2", SyncStatus.Conflict), [],
                new ConflictRecord { DocType = "Item", DocName = "I-2", ConflictingFields = ["stock_uom"] }), Ct);
            await db.Queue.EnqueueAsync(StateFolder.Event("C-2"), Ct);
            await db.Servers.BeatAsync(new ServerInstance("erp-01:4242:ab", "erp-01", 4242, "1.0.0", state.Clock.GetUtcNow()), TimeSpan.FromMinutes(5), Ct);
        });
        state.Clock.Advance(TimeSpan.FromSeconds(90));

        var result = await state.RunAsync("status", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("records").GetProperty("synced").GetInt64().ShouldBe(1);
        root.GetProperty("records").GetProperty("conflict").GetInt64().ShouldBe(2);
        root.GetProperty("queue").GetProperty("pending").GetInt64().ShouldBe(1);
        root.GetProperty("queue").GetProperty("oldest_pending_age_seconds").GetDouble().ShouldBe(90);
        var customer = root.GetProperty("doctypes").EnumerateArray().Single(d => d.GetProperty("doctype").GetString() == "Customer");
        customer.GetProperty("tracked").GetInt64().ShouldBe(1);
        customer.GetProperty("lag_seconds").GetDouble().ShouldBe(90);
        customer.GetProperty("last_synced_age_seconds").ValueKind.ShouldNotBe(JsonValueKind.Undefined);
        root.GetProperty("recent_operations").EnumerateArray().Select(o => o.GetProperty("docname").GetString()).ShouldBe(["I-1", "C-1"], ignoreOrder: true);
        root.GetProperty("unresolved_conflicts").GetInt64().ShouldBe(2);
        root.GetProperty("conflicts").GetArrayLength().ShouldBe(2);
        root.GetProperty("servers").EnumerateArray().Single().GetProperty("host").GetString().ShouldBe("erp-01");
        var alert = root.GetProperty("alerts").EnumerateArray().Single();
        alert.GetProperty("kind").GetString().ShouldBe("unresolved_conflicts");
        alert.GetProperty("value").GetDouble().ShouldBe(2);
        alert.GetProperty("threshold").GetDouble().ShouldBe(2);
        root.GetProperty("thresholds").GetProperty("queue_age_seconds").GetDouble().ShouldBe(600);
    }

    [Fact]
    public async Task Status_LiveServer_NamesItInsteadOfWarning()
    {
        using var state = new StateFolder();
        await state.SeedAsync(db => db.Servers.BeatAsync(new ServerInstance("erp-01:4242:ab", "erp-01", 4242, "1.2.3", state.Clock.GetUtcNow()), TimeSpan.FromMinutes(5), Ct));
        state.Clock.Advance(TimeSpan.FromMinutes(2));

        var result = await state.RunAsync("status");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("[OK] server running on erp-01 (process 4242, version 1.2.3, up 2 min, last heartbeat 2 min ago)", Case.Sensitive, result.Out);
        result.Out.ShouldNotContain("no server is running");
    }

    [Fact]
    public async Task Status_OnATerminal_RendersTables()
    {
        using var state = new StateFolder();
        await state.SeedAsync(db => db.Store.CommitAsync(new SyncCommit(StateFolder.Pair("Customer", "C-1", "C-1"), [StateFolder.Log("C-1")]), Ct));

        var result = await state.RunAsync(new CliOptions { Folder = "", Terminal = true }, "status");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("╭");
        result.Out.ShouldContain("recent operations");
        result.Out.ShouldContain("✓");
        result.Out.ShouldContain("no alert threshold crossed");
    }

    [Fact]
    public async Task Status_NoStateDatabase_FailsWithTheFix()
    {
        using var state = new StateFolder();

        var result = await state.RunAsync("status", "--check");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("there is no state database at");
        result.Error.ShouldContain("erpsync init");
        File.Exists(state.DatabasePath).ShouldBeFalse();
    }
}
