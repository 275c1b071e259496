using Dapper;
using ErpSync.Store.Sql;

namespace ErpSync.Store.Presence;

/// <summary><see cref="IServerPresence"/> on either engine; times come from the store's clock.</summary>
internal sealed class SqlServerPresence(IStoreConnections db, TimeProvider time) : IServerPresence
{
    private const string Upsert = """
        INSERT INTO server_instances (instance_id, host, pid, version, started_at, last_seen_at, expires_at)
        VALUES (@Id, @Host, @Pid, @Version, @StartedAt, @Now, @ExpiresAt)
        ON CONFLICT (instance_id) DO UPDATE SET last_seen_at = @Now, expires_at = @ExpiresAt
        """;

    internal const string SelectLive = """
        SELECT instance_id, host, pid, version, started_at, last_seen_at, expires_at
        FROM server_instances WHERE expires_at > @Now ORDER BY started_at, instance_id
        """;

    public Task BeatAsync(ServerInstance instance, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentException.ThrowIfNullOrWhiteSpace(instance.Id);
        if (ttl < TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A heartbeat must count for at least one second.");

        var now = time.GetUtcNow();
        var parameters = new
        {
            instance.Id,
            instance.Host,
            Pid = instance.ProcessId,
            instance.Version,
            StartedAt = db.Dialect.Time(instance.StartedAt),
            Now = db.Dialect.Time(now),
            ExpiresAt = db.Dialect.Time(now + ttl),
        };
        return db.ExecuteAsync((connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(Upsert, parameters, transaction, cancellationToken: token)), cancellationToken);
    }

    public Task LeaveAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        return db.ExecuteAsync(
            (connection, transaction, token) => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM server_instances WHERE instance_id = @Id", new { Id = instanceId }, transaction, cancellationToken: token)),
            cancellationToken);
    }

    public async Task<IReadOnlyList<ServerInstance>> ListLiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenReaderAsync(cancellationToken);
        return await ReadLiveAsync(connection, db.Dialect.Time(time.GetUtcNow()), cancellationToken);
    }

    internal static async Task<IReadOnlyList<ServerInstance>> ReadLiveAsync(System.Data.Common.DbConnection connection, object now, CancellationToken cancellationToken)
    {
        var live = new List<ServerInstance>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(SelectLive, new { Now = now }, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new RowReader(reader);
            live.Add(new ServerInstance(row.String("instance_id"), row.String("host"), row.Int("pid"), row.NullableString("version"), row.Time("started_at"))
            {
                LastSeenAt = row.Time("last_seen_at"),
                ExpiresAt = row.Time("expires_at"),
            });
        }

        return live;
    }
}
