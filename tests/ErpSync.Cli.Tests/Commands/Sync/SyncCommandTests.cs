using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.State;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Cli.Tests.Commands.Sync;

/// <summary><c>erpsync sync</c> against two emulated sites and a temp SQLite database; each test syncs its own DocType.</summary>
public sealed class SyncCommandTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private static readonly string[] NoteFields = ["title:Data", "qty:Int"];

    private string NoteType(IEnumerable<string>? localOnly = null) => SitesFolder.DefineDocType(sites.Pair, "Cli Note", NoteFields, localOnly: localOnly);

    private static JsonObject Note(string title, int qty = 1) => new() { ["title"] = title, ["qty"] = qty };

    [Fact]
    public async Task Sync_NewDocumentsOnBothSites_CreatesThemAcrossAndEndsInTheSummary()
    {
        var type = NoteType();
        using var folder = new SitesFolder(sites.Pair, [type]);
        folder.CloudDb.Insert(type, Note("first"));
        folder.CloudDb.Insert(type, Note("second"));
        folder.LocalDb.Insert(type, Note("third"));

        var result = await folder.RunAsync("sync");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain($"{type}: 3 document(s) checked");
        result.Out.ShouldContain("Total: 3, Success: 3, Failed: 0, Conflicts: 0, Skipped: 0 (");
        folder.CloudDb.Count(type).ShouldBe(3);
        folder.LocalDb.Count(type).ShouldBe(3);
        (await folder.RecordsAsync(type)).ShouldAllBe(r => r.Status == SyncStatus.Synced);

        var again = await folder.RunAsync("sync");

        again.ExitCode.ShouldBe(0, again.ToString());
        again.Out.ShouldContain("Total: 3, Success: 0, Failed: 0, Conflicts: 0, Skipped: 3 (");
    }

    [Fact]
    public async Task Sync_DryRun_PlansButWritesNothingToTheSitesOrTheState()
    {
        var type = NoteType();
        using var folder = new SitesFolder(sites.Pair, [type]);
        folder.CloudDb.Insert(type, Note("planned"));

        var first = await folder.RunAsync("sync", "--dry-run");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Out.ShouldContain("does not exist yet, so every document is planned as new");
        first.Out.ShouldContain($"[INFO] {type} ");
        first.Out.ShouldContain(" (cloud) would create cloud → local\n");
        first.Out.ShouldContain("Dry run, nothing written. Total: 1, Success: 1, Failed: 0, Conflicts: 0, Skipped: 0");
        folder.LocalDb.Count(type).ShouldBe(0);
        File.Exists(folder.DatabasePath).ShouldBeFalse("a dry run never creates the state database");

        (await folder.RunAsync("sync")).ExitCode.ShouldBe(0);
        var name = SitesFolder.Name(folder.LocalDb.Insert(type, Note("second, local")));
        var edited = SitesFolder.Name(folder.CloudDb.List(type).First());
        folder.CloudDb.Update(type, edited, new JsonObject { ["qty"] = 9 });
        var logsBefore = await LogCountAsync(folder);
        var recordsBefore = await folder.RecordsAsync(type);

        var dry = await folder.RunAsync("sync", "--dry-run", "--json");

        dry.ExitCode.ShouldBe(0, dry.ToString());
        using var json = JsonDocument.Parse(dry.Out);
        json.RootElement.GetProperty("dry_run").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("success").GetInt32().ShouldBe(2);
        folder.CloudDb.Exists(type, name).ShouldBeFalse();
        folder.CloudDb.Count(type).ShouldBe(1);
        folder.LocalDb.List(type).Single(d => d["title"]!.ToString() == "planned")["qty"]!.GetValue<int>().ShouldBe(1);
        (await folder.RecordsAsync(type)).ShouldBe(recordsBefore);
        (await LogCountAsync(folder)).ShouldBe(logsBefore);
    }

    [Fact]
    public async Task Sync_OneDocumentWithDirection_SyncsOnlyThatDocument()
    {
        var type = NoteType();
        using var folder = new SitesFolder(sites.Pair, [type]);
        var chosen = SitesFolder.Name(folder.LocalDb.Insert(type, Note("chosen")));
        folder.LocalDb.Insert(type, Note("left alone"));

        var result = await folder.RunAsync("sync", "--doctype", type, "--docname", chosen, "--direction", "local_to_cloud");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Total: 1, Success: 1, Failed: 0, Conflicts: 0, Skipped: 0");
        folder.CloudDb.List(type).ShouldHaveSingleItem()["title"]!.ToString().ShouldBe("chosen");
        (await folder.RecordsAsync(type)).ShouldHaveSingleItem().LocalName.ShouldBe(chosen);
    }

    [Fact]
    public async Task Sync_Limit_StopsAfterNDocumentsPerDocType()
    {
        var type = NoteType();
        using var folder = new SitesFolder(sites.Pair, [type]);
        foreach (var title in new[] { "one", "two", "three" }) folder.CloudDb.Insert(type, Note(title));

        var result = await folder.RunAsync("sync", "--limit", "2");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("Total: 2, Success: 2, Failed: 0, Conflicts: 0, Skipped: 0");
        folder.LocalDb.Count(type).ShouldBe(2);
        (await folder.RunAsync("sync")).Out.ShouldContain("Total: 3, Success: 1, Failed: 0, Conflicts: 0, Skipped: 2");
    }

    [Fact]
    public async Task Sync_UnknownDocumentName_FailsNamingIt()
    {
        var type = NoteType();
        using var folder = new SitesFolder(sites.Pair, [type]);

        var result = await folder.RunAsync("sync", "--doctype", type, "--docname", "NO-SUCH-DOC");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldBe($"error: {type} 'NO-SUCH-DOC' exists on neither site and has no recorded pair; check the name (it is case-sensitive) and the DocType\n");
    }

    [Fact]
    public async Task Sync_DocumentTheOtherSiteRefuses_ReportsItAndExits1()
    {
        // The local DocType has a mandatory field the cloud does not have: the local insert is refused.
        var type = NoteType(localOnly: ["region:Data::reqd"]);
        using var folder = new SitesFolder(sites.Pair, [type]);
        folder.CloudDb.Insert(type, Note("refused on local"));

        var result = await folder.RunAsync("sync", "--doctype", type, "--json");

        result.ExitCode.ShouldBe(1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("failed").GetInt32().ShouldBe(1);
        var outcome = json.RootElement.GetProperty("outcomes").EnumerateArray().ShouldHaveSingleItem();
        outcome.GetProperty("kind").GetString().ShouldBe("failed");
        outcome.GetProperty("message").GetString()!.ShouldContain("region");
        result.Error.ShouldContain("[WRN] ", customMessage: "the engine's warnings reach standard error");
        result.Error.TrimEnd().Split('\n')[^1].ShouldStartWith("error: 1 document(s) failed; the lines above say why");
        folder.LocalDb.Count(type).ShouldBe(0);
    }

    [Fact]
    public async Task Sync_SiteDown_FailsAtOnceNamingTheSiteAndWritesNothing()
    {
        var type = NoteType();
        using var folder = new SitesFolder(sites.Pair, [type]);
        folder.CloudDb.Insert(type, Note("stays"));
        var environment = new Dictionary<string, string> { ["LOCAL_ERP_URL"] = "http://127.0.0.1:1" };

        var result = await ErpSyncCli.RunAsync(folder.Folder.Path, environment, "sync");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldBe("error: cannot reach the local site: local site (http://127.0.0.1:1): GET frappe.auth.get_logged_user failed: connection refused by 127.0.0.1:1. "
                              + "Fix: check that the site runs at the address and port in LOCAL_ERP_URL (bench start / the web server). Nothing was synced.\n");
        File.Exists(folder.DatabasePath).ShouldBeFalse();
    }

    [Fact]
    public async Task Sync_DocTypeNotConfigured_IsAUsageErrorWithASuggestion()
    {
        var type = NoteType();
        using var folder = new SitesFolder(sites.Pair, [type]);

        var result = await folder.RunAsync("sync", "--doctype", type + "x");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain($"is not in sync_rules.doctypes of {folder.Folder.File("config.yaml")}");
        result.Error.ShouldContain($"Did you mean '{type}'?");
    }

    [Fact]
    public async Task Sync_DocTypeMissingOnASite_RefusesWithTheConfigurationProblem()
    {
        using var folder = new SitesFolder(sites.Pair, ["No Such DocType"]);

        var result = await folder.RunAsync("sync");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldStartWith("error: The sync configuration does not fit the sites: DocType No Such DocType does not exist on the cloud site");
        result.Error.ShouldContain("'erpsync doctor' shows each check");
    }

    [Fact]
    public async Task Sync_OnATerminal_DrawsAProgressBarPerDocTypeAndASummaryTable()
    {
        var first = NoteType();
        var second = NoteType();
        using var folder = new SitesFolder(sites.Pair, [first, second]);
        folder.CloudDb.Insert(first, Note("a"));
        folder.LocalDb.Insert(second, Note("b"));

        var result = await folder.RunAsync(new CliOptions { Folder = "", Terminal = true }, "sync");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain('\u001b');
        result.Out.ShouldContain("100%");
        result.Out.ShouldContain("1 changed");
        result.Out.ShouldContain("Total: 2, Success: 2, Failed: 0, Conflicts: 0, Skipped: 0");
        result.Out.ShouldContain("╭");
        folder.LocalDb.Count(first).ShouldBe(1);
        folder.CloudDb.Count(second).ShouldBe(1);
    }

    private static async Task<int> LogCountAsync(SitesFolder folder)
    {
        await using var db = await folder.OpenAsync();
        var count = 0;
        await foreach (var _ in db.Store.QueryLogsAsync(new LogQuery(), SitesFolder.Ct)) count++;
        return count;
    }
}
