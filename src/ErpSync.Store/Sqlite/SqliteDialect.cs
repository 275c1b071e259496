using System.Data.Common;
using ErpSync.Store.Sql;
using Microsoft.Data.Sqlite;

namespace ErpSync.Store.Sqlite;

internal sealed class SqliteDialect : SqlDialect
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static SqliteDialect Instance { get; } = new();

    public override StateProvider Provider => StateProvider.Sqlite;

    public override string SkipLocked => "";

    public override object Time(DateTimeOffset value) => StoredTime.ToText(value);

    public override string InList(string parameter) => $"IN @{parameter}";

    // Claims run on the one writer connection inside a write transaction, which already excludes every
    // other claimer, in this process and in any other that opens the file.
    public override Task<IReadOnlySet<long>> TryLockQueueDocumentsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<long> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<long>>(keys.ToHashSet());

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };
}
