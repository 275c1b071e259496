using ErpSync.Store.Operations;

namespace ErpSync.Store.Tests.Postgres;

/// <summary>PostgreSQL backups are pg_dump's job: erpsync prints the exact command, never the password.</summary>
public sealed class PostgresBackupCommandTests(PostgresTarget target) : IClassFixture<PostgresTarget>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExternalBackupCommand_SchemaDatabase_NamesHostPortUserDatabaseSchemaAndFileButNoPassword()
    {
        var setting = await target.NewSettingAsync(Ct);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(setting);
        await using var db = await StateDatabase.OpenAsync(setting, TimeProvider.System, null, Ct);

        var dump = db.Maintenance.ExternalBackupCommand("/var/backups/erpsync 1.dump").ShouldNotBeNull();
        var restore = db.Maintenance.ExternalRestoreCommand("/var/backups/erpsync.dump").ShouldNotBeNull();

        dump.ShouldBe($"pg_dump --host={builder.Host} --port={builder.Port} --username={builder.Username} --dbname={builder.Database} --schema={builder.SearchPath} --format=custom --no-owner --file='/var/backups/erpsync 1.dump'");
        restore.ShouldBe($"pg_restore --host={builder.Host} --port={builder.Port} --username={builder.Username} --dbname={builder.Database} --schema={builder.SearchPath} --clean --if-exists --no-owner --single-transaction /var/backups/erpsync.dump");
        dump.ShouldNotContain("pass", Case.Insensitive);
        restore.ShouldNotContain("pass", Case.Insensitive);
        await Should.ThrowAsync<NotSupportedException>(() => db.Maintenance.BackupAsync("/tmp/x.db", Ct));
        (await db.Maintenance.GetSizeAsync(Ct)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Quote_ShellSpecialCharacters_AreSingleQuoted()
    {
        PostgresCommandLine.Quote("plain/path-1.dump").ShouldBe("plain/path-1.dump");
        PostgresCommandLine.Quote("it's here").ShouldBe("'it'\\''s here'");
        PostgresCommandLine.Quote("$HOME").ShouldBe("'$HOME'");
    }
}
