using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Core.Sync;
using ErpSync.TestKit.Store;
using static ErpSync.Core.Tests.Scenarios.ScenarioData;

namespace ErpSync.Core.Tests.Scenarios;

/// <summary>
/// The engine on a PostgreSQL state database (skipped locally without <c>ERPSYNC_TEST_POSTGRES</c>, failing in CI):
/// two engines with their own connection pools — two processes, as far as the database can tell — reconcile the same
/// DocType at once, and the shared advisory locks keep every document from being copied twice.
/// </summary>
public sealed class PostgresScenario(ScenarioSites sites, PostgresTestDatabase database) : IClassFixture<ScenarioSites>, IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task SyncDocType_TwoEnginesOnOnePostgresDatabaseAtOnce_EveryDocumentCopiedExactlyOnce()
    {
        var setting = await database.CreateSchemaAsync(TestContext.Current.CancellationToken);
        var type = DocType(sites, "Pg Note", "hash", ["title:Data", "qty:Int"]);
        for (var i = 0; i < 10; i++)
            sites.Db(i % 3 == 0 ? SiteName.Local : SiteName.Cloud).Insert(type, new JsonObject { ["title"] = "pg " + i, ["qty"] = i });
        var rules = ScenarioHarness.RulesFor([type]);
        var options = new SyncEngineOptions { MaxConcurrency = 3 };
        await using var first = await ScenarioHarness.StartAsync(sites, rules, setting, options);
        await using var second = await ScenarioHarness.StartAsync(sites, rules, setting, options);
        first.Database.Provider.ShouldBe(Store.StateProvider.Postgres);

        var runs = await Task.WhenAll(first.SyncDocTypeAsync(type), second.SyncDocTypeAsync(type));

        runs.Sum(r => r.Failed).ShouldBe(0);
        sites.CloudDb.Count(type).ShouldBe(10);
        sites.LocalDb.Count(type).ShouldBe(10);
        for (var i = 0; i < 10; i++)
        {
            sites.CloudDb.List(type).Count(d => Text(d, "title") == "pg " + i).ShouldBe(1);
            sites.LocalDb.List(type).Count(d => Text(d, "title") == "pg " + i).ShouldBe(1);
        }

        var records = await first.RecordsAsync(type);
        records.Count.ShouldBe(10);
        records.ShouldAllBe(r => r.Status == SyncStatus.Synced && r.CloudHash == r.LocalHash);
        (await first.LogsAsync(type)).Count(l => l.Action == "create").ShouldBe(10);

        first.ResetCounts();
        var idle = await first.SyncDocTypeAsync(type);
        idle.Skipped.ShouldBe(10);
        first.Cloud.Writes.ShouldBe(0);
        first.Local.Writes.ShouldBe(0);
    }
}
