using System.Text.Json;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.Sites;
using ErpSync.Store;
using ErpSync.TestKit.Store;

namespace ErpSync.Cli.Tests.Commands.Operations;

public sealed class BackupCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_NoOptions_WritesTimestampedCopyBesideTheDatabaseAndPrintsItsSizeAndPath()
    {
        using var state = new StateFolder();
        await state.SeedAsync(db => db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "CUST-1", "CUST-9"), Ct));

        var result = await state.RunAsync("backup");

        result.ExitCode.ShouldBe(0, result.ToString());
        var expected = state.Folder.File("sync_state-20261122-013000.db");
        File.Exists(expected).ShouldBeTrue(result.ToString());
        result.Out.ShouldContain($"[OK] backup written: {expected} (");
        result.Out.ShouldContain("KB, schema version 2)");
        result.Out.ShouldContain("1 document pair(s)");
        await using var copy = await StateDatabase.OpenAsync(expected, state.Clock, null, Ct);
        (await copy.Store.FindRecordAsync("Customer", SiteName.Local, "CUST-9", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Backup_TwiceInOneSecond_NeverOverwritesTheFirst()
    {
        using var state = new StateFolder();
        await state.SeedAsync(_ => Task.CompletedTask);

        (await state.RunAsync("backup")).ExitCode.ShouldBe(0);
        var second = await state.RunAsync("backup");

        second.ExitCode.ShouldBe(0, second.ToString());
        second.Out.ShouldContain("sync_state-20261122-013000-2.db");
    }

    [Fact]
    public async Task Backup_ToAnExistingFile_IsRefusedWithExitOneAndLeavesItAlone()
    {
        using var state = new StateFolder();
        await state.SeedAsync(_ => Task.CompletedTask);
        var taken = state.Folder.Write("mine.db", "precious");

        var result = await state.RunAsync("backup", "--to", "mine.db");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldStartWith($"error: cannot write the backup: {taken} already exists");
        state.Folder.Read("mine.db").ShouldBe("precious");
    }

    [Fact]
    public async Task Backup_Json_IsOneDocumentWithPathBytesVersionAndCounts()
    {
        using var state = new StateFolder();
        await state.SeedAsync(async db => await db.Queue.EnqueueAsync(StateFolder.Event("CUST-1"), Ct));

        var result = await state.RunAsync("backup", "--to", "nightly.db", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("path").GetString().ShouldBe(state.Folder.File("nightly.db"));
        json.RootElement.GetProperty("bytes").GetInt64().ShouldBe(new FileInfo(state.Folder.File("nightly.db")).Length);
        json.RootElement.GetProperty("schema_version").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("counts").GetProperty("queue_pending").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Backup_NoDatabaseYet_SaysSoWithoutCreatingOne()
    {
        using var state = new StateFolder();

        var result = await state.RunAsync("backup");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain($"there is no state database at {state.DatabasePath}; run 'erpsync init'");
        File.Exists(state.DatabasePath).ShouldBeFalse();
    }

    [Fact]
    public async Task Backup_OnPostgres_PrintsTheExactPgDumpCommandAndNoPassword()
    {
        await using var server = new PostgresTestDatabase();
        var connection = await server.CreateSchemaAsync(Ct);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        using var state = new StateFolder();

        var result = await state.RunAsync(new CliOptions { Folder = "", Environment = new Dictionary<string, string> { ["ERPSYNC_DB"] = builder.ConnectionString } }, "backup", "--to", "/var/backups/state.dump");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("does not copy PostgreSQL databases itself");
        result.Error.ShouldContain($"pg_dump --host={builder.Host} --port={builder.Port}");
        result.Error.ShouldContain("--format=custom --no-owner --file=/var/backups/state.dump");
        (result.Out + result.Error).ShouldNotContain("password=", Case.Insensitive);
        (result.Out + result.Error).ShouldNotContain("PGPASSWORD=");
    }
}
