using System.Data;
using System.Text;
using Dapper;
using ErpSync.Store.Presence;
using ErpSync.Store.Schema;
using ErpSync.Store.Sql;
using Microsoft.Data.Sqlite;

namespace ErpSync.Store.Operations;

/// <summary>
/// Operations on SQLite state database files that must not open them as the live database (which would
/// create, migrate or hold them): who holds a file, what a backup holds, and restoring one in place.
/// </summary>
public static class SqliteStateFiles
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>The newest schema version this build can open.</summary>
    public static int SupportedSchemaVersion => SqliteSchema.Definition.LatestVersion;

    /// <summary>
    /// Whether any process has <paramref name="path"/> open (an exclusive-lock probe that waits about a
    /// second at most) and which servers' heartbeats in it are current. A missing file has no holders.
    /// Call it while this process has no connection of its own to the file.
    /// </summary>
    public static async Task<DatabaseHolders> FindHoldersAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            return DatabaseHolders.None;

        IReadOnlyList<ServerInstance> live = [];
        await using (var connection = SqliteFiles.Open(full, SqliteOpenMode.ReadWrite))
        {
            if (SqliteFiles.HasTable(connection, "server_instances"))
                live = await SqlServerPresence.ReadLiveAsync(connection, StoredTime.ToText(time.GetUtcNow()), cancellationToken);
        }

        return new DatabaseHolders(await Task.Run(() => IsOpenElsewhere(full), cancellationToken), live);
    }

    /// <summary>What the state database file <paramref name="path"/> holds; checks it is one this build can open.</summary>
    /// <exception cref="StateDatabaseException">Not a SQLite file, not an erpsync state database, or damaged.</exception>
    /// <exception cref="SchemaVersionException">Written by a newer erpsync.</exception>
    public static async Task<StateFileSummary> InspectAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        await CheckHeaderAsync(full, cancellationToken);
        await using var connection = SqliteFiles.Open(full, SqliteOpenMode.ReadWrite);
        return await InspectAsync(connection, full, cancellationToken);
    }

    /// <summary>
    /// Copies <paramref name="backupPath"/> beside <paramref name="databasePath"/> and checks the copy (a SQLite
    /// file, an erpsync state database with a schema this build can open, passing SQLite's integrity check),
    /// ready for <see cref="StagedRestore.CommitAsync"/>. Nothing is replaced yet; disposing without committing
    /// removes the copy.
    /// </summary>
    /// <exception cref="FileNotFoundException">The backup does not exist.</exception>
    /// <exception cref="StateDatabaseException">The backup is not a usable state database.</exception>
    /// <exception cref="SchemaVersionException">The backup was written by a newer erpsync.</exception>
    public static async Task<StagedRestore> StageRestoreAsync(string backupPath, string databasePath, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var backup = Path.GetFullPath(backupPath);
        var database = Path.GetFullPath(databasePath);
        if (!File.Exists(backup))
            throw new FileNotFoundException($"The backup {backup} does not exist.", backup);
        if (string.Equals(backup, database, StringComparison.Ordinal))
            throw new StateDatabaseException($"{backup} is the state database itself; name a backup file to restore from.");
        await CheckHeaderAsync(backup, cancellationToken);

        var staging = database + ".restoring";
        SqliteFiles.DeleteWithSidecars(staging);
        try
        {
            File.Copy(backup, staging);
            // A copy of a live WAL database keeps committed pages in its -wal; take them along.
            if (File.Exists(backup + "-wal"))
                File.Copy(backup + "-wal", staging + "-wal");

            StateFileSummary summary;
            await using (var connection = SqliteFiles.Open(staging, SqliteOpenMode.ReadWrite))
            {
                summary = await InspectAsync(connection, backup, cancellationToken);

                // The restored file must be self-contained and must not look held by the servers that ran
                // when the backup was taken.
                await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode = DELETE", cancellationToken: cancellationToken));
                if (SqliteFiles.HasTable(connection, "server_instances"))
                    await connection.ExecuteAsync(new CommandDefinition("DELETE FROM server_instances", cancellationToken: cancellationToken));
            }

            return new StagedRestore(backup, database, staging, summary, time);
        }
        catch
        {
            SqliteFiles.DeleteWithSidecars(staging);
            throw;
        }
    }

    private static async Task<StateFileSummary> InspectAsync(SqliteConnection connection, string reportedPath, CancellationToken cancellationToken)
    {
        var check = await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA integrity_check(1)", cancellationToken: cancellationToken));
        if (!string.Equals(check, "ok", StringComparison.Ordinal))
            throw new StateDatabaseException($"{reportedPath} is damaged (SQLite integrity check: {check}); it cannot be restored.");

        if (!SqliteFiles.HasTable(connection, SchemaDefinition.VersionTable))
            throw new StateDatabaseException($"{reportedPath} is a SQLite database but not an erpsync state database (it has no schema_version table).");
        var version = await connection.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT max(version) FROM schema_version", cancellationToken: cancellationToken)) ?? 0;
        if (version > SupportedSchemaVersion)
            throw new SchemaVersionException(reportedPath, version, SupportedSchemaVersion);
        var missing = SchemaDefinition.KnownTables.Where(table => !SqliteFiles.HasTable(connection, table)).ToList();
        if (missing.Count > 0)
            throw new StateDatabaseException($"{reportedPath} is not a complete erpsync state database: it lacks the table(s) {string.Join(", ", missing)}.");

        var counts = await SqlMaintenance.ReadCountsAsync(connection, cancellationToken);
        var newest = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT max(timestamp) FROM sync_logs", cancellationToken: cancellationToken));
        return new StateFileSummary(reportedPath, new FileInfo(reportedPath).Length, version, counts, newest is null ? null : StoredTime.FromValue(newest));
    }

    private static async Task CheckHeaderAsync(string path, CancellationToken cancellationToken)
    {
        var header = new byte[Header.Length];
        int read;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < Header.Length || !header.AsSpan().SequenceEqual(Header))
            throw new StateDatabaseException($"{path} is not a SQLite database (its first bytes are not SQLite's header); it cannot be an erpsync state database.");
    }

    /// <summary>
    /// In WAL mode every open connection keeps a shared lock on the file, so an exclusive lock is granted
    /// only when no other connection, in any process, has the database open.
    /// </summary>
    internal static bool IsOpenElsewhere(string path)
    {
        using var connection = SqliteFiles.Open(path, SqliteOpenMode.ReadWrite);
        connection.Execute("PRAGMA busy_timeout = 0");
        connection.ExecuteScalar<string>("PRAGMA locking_mode = EXCLUSIVE");
        try
        {
            // Microsoft.Data.Sqlite retries a busy statement until its command timeout (0 = forever).
            connection.Execute(new CommandDefinition("BEGIN EXCLUSIVE", commandTimeout: 1, commandType: CommandType.Text));
            connection.Execute(new CommandDefinition("COMMIT", commandType: CommandType.Text));
            return false;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            return true;
        }
    }
}
