using System.Data.Common;
using Dapper;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store.Logging;
using ErpSync.Store.Sql;
using Microsoft.Extensions.Logging;

namespace ErpSync.Store.Queue;

/// <summary>
/// The durable queue on either engine. A claim is one transaction: pick due rows oldest first (skipping
/// rows other claimers hold on PostgreSQL), keep the first per document whose per-document claim lock
/// can be taken, lease them, and mark the document's other waiting rows processed.
/// </summary>
internal sealed class SqlWorkQueue(IStoreConnections db, TimeProvider time, ILogger<SqlWorkQueue> logger) : IWorkQueue
{
    private SqlDialect Dialect => db.Dialect;

    private static readonly string[] InsertParameters = ["Source", "DocType", "DocName", "Action", "Payload", "Now"];
    private static readonly string[] CompleteParameters = ["Id", "Owner", "Now"];
    private static readonly string[] CandidateParameters = ["Now", "Scan"];
    private static readonly string[] ClaimParameters = ["Ids", "Owner", "Until", "Now"];
    private static readonly string[] CoalesceParameters = ["Ids", "Now"];

    public Task<long> EnqueueAsync(NewQueueItem item, CancellationToken cancellationToken)
    {
        Validate(item);
        return db.ExecuteAsync(
            async (connection, transaction, token) =>
            {
                await using var command = Bind(Dialect.HotCommand(connection, transaction, QueueSql.Insert, InsertParameters), item, time.GetUtcNow());
                return Convert.ToInt64(await command.Command.ExecuteScalarAsync(token), System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken);
    }

    public Task EnqueueManyAsync(IReadOnlyList<NewQueueItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
            Validate(item);
        if (items.Count == 0)
            return Task.CompletedTask;

        return db.WriteAsync(
            async (connection, transaction, token) =>
            {
                var now = Dialect.Time(time.GetUtcNow());
                var rows = items.Select(item => new object?[] { item.Source.ToWire(), item.DocType, item.DocName, item.Action, item.Payload ?? "", now });
                await MultiRow.ExecuteAsync(Dialect, connection, transaction, QueueSql.InsertMany, InsertParameters, rows, token);
                return items.Count;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<QueueItem>> ClaimAsync(string owner, int maxItems, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        if (lease <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "A lease must be longer than zero.");
        return db.WriteAsync((connection, transaction, token) => ClaimInAsync(connection, transaction, owner, maxItems, lease, token), cancellationToken);
    }

    private async Task<IReadOnlyList<QueueItem>> ClaimInAsync(DbConnection connection, DbTransaction transaction, string owner, int maxItems, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Dialect.Time(time.GetUtcNow());
        var until = Dialect.Time(time.GetUtcNow() + lease);
        var candidates = new List<(long Id, string Source, string DocType, string DocName)>();
        await using (var command = Dialect.HotCommand(connection, transaction, QueueSql.Candidates(Dialect), CandidateParameters).Set("Now", now).Set("Scan", (maxItems * 2) + 16))
        await using (var reader = await command.Command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                candidates.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        if (candidates.Count == 0)
            return [];

        var firstPerDocument = candidates
            .GroupBy(c => (c.Source, c.DocType, c.DocName))
            .Select(g => (Candidate: g.First(), Key: LockKey.ForQueueDocument(g.Key.Source, g.Key.DocType, g.Key.DocName)))
            .ToList();
        var locked = await Dialect.TryLockQueueDocumentsAsync(connection, transaction, firstPerDocument.Select(c => c.Key).ToList(), cancellationToken);
        var chosenIds = firstPerDocument.Where(c => locked.Contains(c.Key)).Take(maxItems).Select(c => c.Candidate.Id).ToList();
        if (chosenIds.Count == 0)
            return [];
        var chosen = Dialect.Ids(chosenIds);

        var claimed = new List<QueueItem>(maxItems);
        await using (var command = Dialect.HotCommand(connection, transaction, QueueSql.Claim(Dialect), ClaimParameters).Set("Ids", chosen).Set("Owner", owner).Set("Until", until).Set("Now", now))
        await using (var reader = await command.Command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                claimed.Add(QueueSql.Map(new RowReader(reader)));
        }

        if (claimed.Count == 0)
            return [];

        await using (var command = Dialect.HotCommand(connection, transaction, QueueSql.Coalesce(Dialect), CoalesceParameters)
            .Set("Ids", Dialect.Ids(claimed.Select(i => i.Id).ToList())).Set("Now", now))
        {
            await command.Command.ExecuteNonQueryAsync(cancellationToken);
        }

        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    public async Task<bool> RenewLeaseAsync(long id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (lease <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "A lease must be longer than zero.");
        var changed = await ExecuteAsync(QueueSql.Renew, new { Id = id, Owner = owner, Until = Dialect.Time(time.GetUtcNow() + lease) }, cancellationToken);
        return changed > 0;
    }

    public async Task CompleteAsync(long id, string owner, CancellationToken cancellationToken)
    {
        var changed = await db.ExecuteAsync(
            async (connection, transaction, token) =>
            {
                await using var command = Dialect.HotCommand(connection, transaction, QueueSql.Complete, CompleteParameters)
                    .Set("Id", id).Set("Owner", owner).Set("Now", Dialect.Time(time.GetUtcNow()));
                return await command.Command.ExecuteNonQueryAsync(token);
            },
            cancellationToken);
        if (changed == 0)
            logger.LeaseLost(id, owner, "completion");
    }

    public Task FailAsync(long id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        retryAt is { } at
            ? ExecuteLeasedAsync("failure", id, owner, QueueSql.Retry, new { Id = id, Owner = owner, Error = error, RetryAt = Dialect.Time(at) }, cancellationToken)
            : ExecuteLeasedAsync("dead-lettering", id, owner, QueueSql.DeadLetter, new { Id = id, Owner = owner, Error = error }, cancellationToken);

    public Task ReleaseAsync(long id, string owner, CancellationToken cancellationToken) =>
        ExecuteLeasedAsync("release", id, owner, QueueSql.Release, new { Id = id, Owner = owner }, cancellationToken);

    public Task<int> RequeueDeadAsync(string? docType, CancellationToken cancellationToken) =>
        ExecuteAsync(QueueSql.RequeueDead, new { AllDocTypes = docType is null, DocType = docType, Now = Dialect.Time(time.GetUtcNow()) }, cancellationToken);

    public async Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        return await ReadStatsAsync(connection, cancellationToken);
    }

    internal static async Task<QueueStats> ReadStatsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        long pending = 0, retrying = 0, processing = 0;
        DateTimeOffset? oldest = null;
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(QueueSql.ActiveStats, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new RowReader(reader);
                var count = row.Long("n");
                switch (row.String("status"), row.Int("retried"))
                {
                    case ("processing", _): processing += count; break;
                    case (_, 0): pending += count; break;
                    default: retrying += count; break;
                }

                var created = row.Time("oldest");
                if (oldest is null || created < oldest)
                    oldest = created;
            }
        }

        return new QueueStats
        {
            Pending = pending,
            Retrying = retrying,
            Processing = processing,
            Processed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(QueueSql.CountProcessed, cancellationToken: cancellationToken)),
            Dead = await connection.ExecuteScalarAsync<long>(new CommandDefinition(QueueSql.CountDead, cancellationToken: cancellationToken)),
            OldestPendingCreatedAt = oldest,
        };
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        var pending = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(QueueSql.NextPendingDue, new { Now = Dialect.Time(now) }, cancellationToken: cancellationToken));
        var lease = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(QueueSql.NextLeaseExpiry, cancellationToken: cancellationToken));
        DateTimeOffset? next = null;
        foreach (var value in new[] { pending, lease })
        {
            if (value is null or DBNull)
                continue;
            var at = StoredTime.FromValue(value);
            if (next is null || at < next)
                next = at;
        }

        return next is { } due && due < now ? now : next;
    }

    private Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        db.ExecuteAsync((connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: token)), cancellationToken);

    private async Task ExecuteLeasedAsync(string operation, long id, string owner, string sql, object parameters, CancellationToken cancellationToken)
    {
        if (await ExecuteAsync(sql, parameters, cancellationToken) == 0)
            logger.LeaseLost(id, owner, operation);
    }

    private HotCommand Bind(HotCommand command, NewQueueItem item, DateTimeOffset now) =>
        command.Set("Source", item.Source.ToWire())
            .Set("DocType", item.DocType)
            .Set("DocName", item.DocName)
            .Set("Action", item.Action)
            .Set("Payload", item.Payload ?? "")
            .Set("Now", Dialect.Time(now));

    private static void Validate(NewQueueItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrWhiteSpace(item.DocType) || string.IsNullOrWhiteSpace(item.DocName))
            throw new ArgumentException("A queue item needs a DocType and a document name.", nameof(item));
        if (string.IsNullOrWhiteSpace(item.Action))
            throw new ArgumentException($"The queue item for {item.DocType} {item.DocName} needs an action.", nameof(item));
    }
}
