namespace ErpSync.Store.Operations;

/// <summary>What retention removes; a <c>null</c> cut-off keeps those rows forever.</summary>
/// <param name="LogsBefore">Audit rows with an earlier timestamp are removed.</param>
/// <param name="QueueBefore">Processed queue rows processed earlier are removed.</param>
public sealed record RetentionPolicy(DateTimeOffset? LogsBefore, DateTimeOffset? QueueBefore)
{
    /// <summary>Cut-offs <paramref name="logsDays"/> and <paramref name="queueDays"/> before <paramref name="now"/>; 0 days keeps forever.</summary>
    public static RetentionPolicy FromDays(int logsDays, int queueDays, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(logsDays);
        ArgumentOutOfRangeException.ThrowIfNegative(queueDays);
        return new RetentionPolicy(
            logsDays == 0 ? null : now - TimeSpan.FromDays(logsDays),
            queueDays == 0 ? null : now - TimeSpan.FromDays(queueDays));
    }
}
