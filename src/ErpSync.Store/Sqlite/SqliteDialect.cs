using System.Data.Common;
using System.Runtime.CompilerServices;
using ErpSync.Store.Sql;
using Microsoft.Data.Sqlite;

namespace ErpSync.Store.Sqlite;

internal sealed class SqliteDialect : SqlDialect
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    // Keyed by connection: the writer's lives as long as the database is open, and its commands with it.
    private readonly ConditionalWeakTable<DbConnection, Dictionary<string, SqliteCommand>> _prepared = new();

    public static SqliteDialect Instance { get; } = new();

    public override StateProvider Provider => StateProvider.Sqlite;

    public override string SkipLocked => "";

    public override object Time(DateTimeOffset value) => StoredTime.ToText(value);

    public override string InIds(string parameter) => $"IN (SELECT value FROM json_each(@{parameter}))";

    public override object Ids(IReadOnlyCollection<long> ids) => "[" + string.Join(',', ids) + "]";

    // Claims run on the one writer connection inside a write transaction, which already excludes every
    // other claimer, in this process and in any other that opens the file.
    public override Task<IReadOnlySet<long>> TryLockQueueDocumentsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<long> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<long>>(keys.ToHashSet());

    public override HotCommand HotCommand(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> parameters)
    {
        // Only the writer's loop uses these, one unit at a time, so the cache needs no lock.
        var commands = _prepared.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = (SqliteCommand)connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
                command.Parameters.Add(new SqliteParameter("@" + name, null));
            command.Transaction = (SqliteTransaction?)transaction;
            command.Prepare();
            commands[sql] = command;
        }

        command.Transaction = (SqliteTransaction?)transaction;
        return new HotCommand(command, owned: false);
    }

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };
}
