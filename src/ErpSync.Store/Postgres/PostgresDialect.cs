using System.Data.Common;
using ErpSync.Store.Sql;
using Npgsql;
using NpgsqlTypes;

namespace ErpSync.Store.Postgres;

internal sealed class PostgresDialect : SqlDialect
{
    private const string UniqueViolation = "23505";

    public static PostgresDialect Instance { get; } = new();

    public override StateProvider Provider => StateProvider.Postgres;

    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override object Time(DateTimeOffset value) => StoredTime.Normalize(value);

    public override string InIds(string parameter) => $"= ANY(@{parameter})";

    public override object Ids(IReadOnlyCollection<long> ids) => ids.ToArray();

    // Row locks alone cannot stop two claimers from taking two different rows of one document; a
    // transaction-scoped advisory lock per document can, and it ends with the claim's transaction.
    public override async Task<IReadOnlySet<long>> TryLockQueueDocumentsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<long> keys, CancellationToken cancellationToken)
    {
        var locked = new HashSet<long>();
        await using var command = new NpgsqlCommand("SELECT k FROM unnest(@keys) AS k WHERE pg_try_advisory_xact_lock(k)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. keys] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            locked.Add(reader.GetInt64(0));
        return locked;
    }

    public override HotCommand HotCommand(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> parameters)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
        foreach (var name in parameters)
            command.Parameters.Add(new NpgsqlParameter { ParameterName = name });
        return new HotCommand(command, owned: true);
    }

    public override bool IsUniqueViolation(Exception exception) => exception is PostgresException { SqlState: UniqueViolation };
}
