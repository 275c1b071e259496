using ErpSync.Cli.Tests.Support;
using ErpSync.Core.Sites;
using ErpSync.Store.Presence;

namespace ErpSync.Cli.Tests.Commands.Operations;

public sealed class RestoreCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A folder whose database holds pair CURRENT, with a backup holding pair FROM-BACKUP.</summary>
    private static async Task<(StateFolder State, string Backup)> PrepareAsync()
    {
        var state = new StateFolder();
        await state.SeedAsync(db => db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "FROM-BACKUP", "FROM-BACKUP"), Ct));
        (await state.RunAsync("backup", "--to", "good.db")).ExitCode.ShouldBe(0);
        await state.SeedAsync(async db =>
        {
            await db.Maintenance.ResetAsync(new Store.Operations.ResetScope(null, null, false), Ct);
            await db.Store.SaveRecordAsync(StateFolder.Pair("Customer", "CURRENT", "CURRENT"), Ct);
        });
        state.Clock.Advance(TimeSpan.FromHours(1));
        return (state, state.Folder.File("good.db"));
    }

    private static async Task<bool> HasPairAsync(StateFolder state, string name)
    {
        await using var db = await state.OpenAsync();
        return await db.Store.FindRecordAsync("Customer", SiteName.Cloud, name, Ct) is not null;
    }

    [Fact]
    public async Task Restore_Yes_ReplacesTheDatabaseAndKeepsTheReplacedOneUnderATimestampedName()
    {
        var (state, backup) = await PrepareAsync();
        using var _ = state;

        var result = await state.RunAsync("restore", backup, "--yes");

        result.ExitCode.ShouldBe(0, result.ToString());
        var kept = state.Folder.File("sync_state-20261122-023000-replaced.db");
        result.Out.ShouldContain($"[OK] restored {state.DatabasePath} from {backup}");
        result.Out.ShouldContain($"the replaced database was kept as {kept}");
        (await HasPairAsync(state, "FROM-BACKUP")).ShouldBeTrue();
        (await HasPairAsync(state, "CURRENT")).ShouldBeFalse();
        File.Exists(kept).ShouldBeTrue();
    }

    [Fact]
    public async Task Restore_WhileAServerHeartbeatIsLive_IsRefusedNamingTheServerAndHowToStopIt()
    {
        var (state, backup) = await PrepareAsync();
        using var _ = state;
        await state.SeedAsync(db => db.Servers.BeatAsync(new ServerInstance("srv", "erp-01", 4242, null, state.Clock.GetUtcNow()), TimeSpan.FromSeconds(30), Ct));

        var result = await state.RunAsync("restore", backup, "--yes");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain($"error: cannot restore while the state database {state.DatabasePath} is in use: it is in use by erpsync serve on erp-01 (process 4242");
        result.Error.ShouldContain("sudo systemctl stop erpsync");
        (await HasPairAsync(state, "CURRENT")).ShouldBeTrue();
        Directory.GetFiles(state.Folder.Path, "*replaced*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Restore_WhileAnotherConnectionHasTheFileOpen_IsRefused()
    {
        var (state, backup) = await PrepareAsync();
        using var _ = state;
        await using var holder = await state.OpenAsync();

        var result = await state.RunAsync("restore", backup, "--yes");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("is in use: it is open in another process");
        (await holder.Store.FindRecordAsync("Customer", SiteName.Cloud, "CURRENT", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Restore_BackupFromANewerErpsync_IsRefusedNamingBothVersions()
    {
        var (state, backup) = await PrepareAsync();
        using var _ = state;
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (9, 'future', '2030-01-01 00:00:00.000')";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var result = await state.RunAsync("restore", backup, "--yes");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain($"{backup} has schema version 9, but this erpsync only knows versions up to 2");
        (await HasPairAsync(state, "CURRENT")).ShouldBeTrue();
    }

    [Fact]
    public async Task Restore_NotInteractiveWithoutYes_RefusesWithExitTwoAndChangesNothing()
    {
        var (state, backup) = await PrepareAsync();
        using var _ = state;

        var result = await state.RunAsync("restore", backup);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("pass --yes to confirm in scripts");
        (await HasPairAsync(state, "CURRENT")).ShouldBeTrue();
        File.Exists(state.DatabasePath + ".restoring").ShouldBeFalse();
    }

    [Theory]
    [InlineData("n\n", 1)]
    [InlineData("\n", 1)]
    [InlineData("yes\n", 0)]
    public async Task Restore_AtThePrompt_DoesWhatTheAnswerSays(string answer, int exitCode)
    {
        var (state, backup) = await PrepareAsync();
        using var _ = state;

        var result = await state.RunAsync(new CliOptions { Folder = "", Input = answer, InputIsTerminal = true }, "restore", backup);

        result.ExitCode.ShouldBe(exitCode, result.ToString());
        result.Error.ShouldContain($"Restore {backup} (schema version 2, 1 document pair(s), 0 audit row(s)) over {state.DatabasePath}");
        result.Error.ShouldContain("Restore this backup? [y/N]");
        (await HasPairAsync(state, "FROM-BACKUP")).ShouldBe(exitCode == 0);
    }

    [Fact]
    public async Task Restore_NotAStateDatabase_IsRefused()
    {
        using var state = new StateFolder();
        await state.SeedAsync(_ => Task.CompletedTask);
        var bogus = state.Folder.Write("notes.db", "not a database at all");

        var result = await state.RunAsync("restore", bogus, "--yes");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("is not a SQLite database");
        (await state.RunAsync("restore", "missing.db", "--yes")).Error.ShouldContain("does not exist");
    }
}
