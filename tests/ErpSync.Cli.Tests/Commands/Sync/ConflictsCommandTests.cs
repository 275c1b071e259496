using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.State;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Cli.Tests.Commands.Sync;

/// <summary><c>erpsync conflicts</c>: conflicts made by real syncs between two emulated sites (strategy manual).</summary>
public sealed class ConflictsCommandTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private static readonly string[] NoteFields = ["title:Data", "body:Small Text", "qty:Int"];

    /// <summary>A synced note then edited on both sites: title on both (the conflict), body on cloud, qty on local.</summary>
    private async Task<(SitesFolder Folder, string Type, string Cloud, string Local, long Id)> ConflictAsync()
    {
        var type = SitesFolder.DefineDocType(sites.Pair, "Cli Clash", NoteFields);
        var folder = new SitesFolder(sites.Pair, [type]);
        var cloudName = SitesFolder.Name(folder.CloudDb.Insert(type, new JsonObject { ["title"] = "base title", ["body"] = "base body", ["qty"] = 1 }));
        (await folder.RunAsync("sync")).ExitCode.ShouldBe(0);
        var localName = folder.LocalDb.List(type).ShouldHaveSingleItem()["name"]!.ToString();
        folder.CloudDb.Update(type, cloudName, new JsonObject { ["title"] = "cloud title", ["body"] = "cloud body" });
        folder.LocalDb.Update(type, localName, new JsonObject { ["title"] = "local title", ["qty"] = 5 });
        var sync = await folder.RunAsync("sync");
        sync.ExitCode.ShouldBe(0, sync.ToString());
        sync.Out.ShouldContain("Conflicts: 1");
        await using var db = await folder.OpenAsync();
        var conflict = (await db.Store.ListConflictsAsync(false, SitesFolder.Ct)).ShouldHaveSingleItem();
        return (folder, type, cloudName, localName, conflict.Id);
    }

    [Fact]
    public async Task Conflicts_ListShowResolve_KeepLocalWritesItToBothSitesAndClosesTheConflict()
    {
        var (folder, type, cloudName, localName, id) = await ConflictAsync();
        using var _ = folder;
        var number = id.ToString(CultureInfo.InvariantCulture);

        var list = await folder.RunAsync("conflicts");

        list.ExitCode.ShouldBe(0, list.ToString());
        list.Out.ShouldContain(type);
        list.Out.ShouldContain("title");
        list.Out.ShouldContain("1 open; 'erpsync conflicts show ID'");

        var show = await folder.RunAsync("conflicts", "show", number);

        show.ExitCode.ShouldBe(0, show.ToString());
        show.Out.ShouldContain($"Conflict {number}: {type} {cloudName} (cloud) / {localName} (local)");
        show.Out.ShouldContain("Status:     open");
        var rows = show.Out.Split('\n');
        rows.ShouldContain(r => r.StartsWith("title ", StringComparison.Ordinal) && r.Contains("cloud title") && r.Contains("local title") && r.Contains("base title") && r.Contains("both — CONFLICT"));
        rows.ShouldContain(r => r.StartsWith("body ", StringComparison.Ordinal) && r.Contains("cloud body") && r.Contains("base body") && r.TrimEnd().EndsWith("cloud", StringComparison.Ordinal));
        rows.ShouldContain(r => r.StartsWith("qty ", StringComparison.Ordinal) && r.Contains('5') && r.TrimEnd().EndsWith("local", StringComparison.Ordinal));
        rows.IndexOf(rows.First(r => r.StartsWith("title ", StringComparison.Ordinal))).ShouldBeLessThan(rows.IndexOf(rows.First(r => r.StartsWith("body ", StringComparison.Ordinal))), "the conflicting field comes first");
        show.Out.ShouldContain($"Resolve with: erpsync conflicts resolve {number} --keep cloud|local|merged");

        var resolve = await folder.RunAsync("conflicts", "resolve", number, "--keep", "local");

        resolve.ExitCode.ShouldBe(0, resolve.ToString());
        resolve.Out.ShouldBe($"[OK] conflict {number} resolved: kept local; {type} {cloudName} (cloud) / {localName} (local) is now the same on both sites\n");
        foreach (var document in new[] { folder.CloudDb.Get(type, cloudName), folder.LocalDb.Get(type, localName) })
        {
            SitesFolder.Text(document, "title").ShouldBe("local title");
            SitesFolder.Text(document, "body").ShouldBe("base body");
            SitesFolder.Text(document, "qty").ShouldBe("5");
        }

        (await folder.RecordsAsync(type)).ShouldHaveSingleItem().Status.ShouldBe(SyncStatus.Synced);
        (await folder.RunAsync("conflicts", "list")).Out.ShouldStartWith("no open conflicts in SQLite ");
        var all = await folder.RunAsync("conflicts", "list", "--all", "--json");
        using var json = JsonDocument.Parse(all.Out);
        var entry = json.RootElement.EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("resolved").GetBoolean().ShouldBeTrue();
        entry.GetProperty("resolution").GetString().ShouldBe("local_wins");

        var again = await folder.RunAsync("conflicts", "resolve", number, "--keep", "cloud");
        again.ExitCode.ShouldBe(1);
        again.Error.ShouldStartWith($"error: conflict {number} is already resolved (local_wins at ");
    }

    [Fact]
    public async Task Conflicts_ResolveMerged_TakesOneSidedChangesFromEachSite()
    {
        var (folder, type, cloudName, localName, id) = await ConflictAsync();
        using var _ = folder;

        var resolve = await folder.RunAsync("conflicts", "resolve", id.ToString(CultureInfo.InvariantCulture), "--keep", "merged", "--json");

        resolve.ExitCode.ShouldBe(0, resolve.ToString());
        using var json = JsonDocument.Parse(resolve.Out);
        json.RootElement.GetProperty("resolution").GetString().ShouldBe("merged");
        foreach (var document in new[] { folder.CloudDb.Get(type, cloudName), folder.LocalDb.Get(type, localName) })
        {
            SitesFolder.Text(document, "title").ShouldBe("cloud title", "overlapping fields come from the cloud in a merge");
            SitesFolder.Text(document, "body").ShouldBe("cloud body");
            SitesFolder.Text(document, "qty").ShouldBe("5");
        }
    }

    [Fact]
    public async Task ConflictsShow_Json_HasEveryFieldSideBySideAndTheFullVersions()
    {
        var (folder, _, _, _, id) = await ConflictAsync();
        using var __ = folder;

        var result = await folder.RunAsync("conflicts", "show", id.ToString(CultureInfo.InvariantCulture), "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("conflict").GetProperty("conflicting_fields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["title"]);
        var title = root.GetProperty("fields").EnumerateArray().First();
        title.GetProperty("field").GetString().ShouldBe("title");
        title.GetProperty("cloud").GetString().ShouldBe("cloud title");
        title.GetProperty("local").GetString().ShouldBe("local title");
        title.GetProperty("base").GetString().ShouldBe("base title");
        title.GetProperty("changed_on").GetString().ShouldBe("both");
        title.GetProperty("conflict").GetBoolean().ShouldBeTrue();
        root.GetProperty("cloud_data").GetProperty("body").GetString().ShouldBe("cloud body");
        root.GetProperty("base_data").GetProperty("qty").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ConflictsResolve_SiteDown_FailsAtOnceAndLeavesTheConflictOpen()
    {
        var (folder, type, cloudName, _, id) = await ConflictAsync();
        using var _ = folder;
        var environment = new Dictionary<string, string> { ["CLOUD_ERP_URL"] = "http://127.0.0.1:1" };

        var result = await ErpSyncCli.RunAsync(folder.Folder.Path, environment, "conflicts", "resolve", id.ToString(CultureInfo.InvariantCulture), "--keep", "local");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldStartWith("error: cannot reach the cloud site: cloud site (http://127.0.0.1:1): ");
        SitesFolder.Text(folder.CloudDb.Get(type, cloudName), "title").ShouldBe("cloud title");
        await using var db = await folder.OpenAsync();
        (await db.Store.GetConflictAsync(id, SitesFolder.Ct))!.Resolved.ShouldBeFalse();
    }

    [Fact]
    public async Task Conflicts_UnknownId_FailsPointingAtTheList()
    {
        var type = SitesFolder.DefineDocType(sites.Pair, "Cli Clash", NoteFields);
        using var folder = new SitesFolder(sites.Pair, [type]);
        (await folder.RunAsync("sync")).ExitCode.ShouldBe(0);

        var show = await folder.RunAsync("conflicts", "show", "999");
        var resolve = await folder.RunAsync("conflicts", "resolve", "999", "--keep", "cloud");
        var list = await folder.RunAsync("conflicts", "list");

        show.ExitCode.ShouldBe(1);
        show.Error.ShouldBe("error: conflict 999 does not exist; 'erpsync conflicts list --all' shows every recorded conflict\n");
        resolve.ExitCode.ShouldBe(1);
        resolve.Error.ShouldBe(show.Error);
        list.ExitCode.ShouldBe(0);
        list.Out.ShouldBe($"no open conflicts in SQLite {folder.DatabasePath}\n");
    }

    [Fact]
    public async Task Conflicts_NoStateDatabase_SaysHowToCreateIt()
    {
        using var folder = new SitesFolder(sites.Pair, ["Customer"]);

        var result = await folder.RunAsync("conflicts");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldBe($"error: there is no state database at {folder.DatabasePath}; run 'erpsync init' to create one, or point ERPSYNC_DB at the right file\n");
    }
}
