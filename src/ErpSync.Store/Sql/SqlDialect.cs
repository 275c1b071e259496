using System.Data.Common;

namespace ErpSync.Store.Sql;

/// <summary>
/// The few places where SQLite and PostgreSQL differ; everything else is one SQL text for both.
/// </summary>
internal abstract class SqlDialect
{
    public abstract StateProvider Provider { get; }

    /// <summary>The parameter value for an instant (text on SQLite, timestamptz on PostgreSQL).</summary>
    public abstract object Time(DateTimeOffset value);

    public object? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    /// <summary>Appended to a row-claiming SELECT: lets concurrent claimers pass each other's rows.</summary>
    public abstract string SkipLocked { get; }

    /// <summary>
    /// A membership test against a list of ids: <c>{column} {InIds("Ids")}</c>, with the parameter's value
    /// from <see cref="Ids"/>. The SQL text does not vary with the list's length, so it can stay prepared.
    /// </summary>
    public abstract string InIds(string parameter);

    /// <summary>The parameter value for <see cref="InIds"/>.</summary>
    public abstract object Ids(IReadOnlyCollection<long> ids);

    /// <summary>
    /// Takes transaction-scoped locks on the given queue documents and returns those it got; a document
    /// another claimer holds right now is left out. On SQLite the single writer already serialises claims.
    /// </summary>
    public abstract Task<IReadOnlySet<long>> TryLockQueueDocumentsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<long> keys, CancellationToken cancellationToken);

    public abstract bool IsUniqueViolation(Exception exception);

    /// <summary>A command for <paramref name="sql"/> with the named parameters, bound to <paramref name="transaction"/>.</summary>
    public abstract HotCommand HotCommand(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> parameters);
}
