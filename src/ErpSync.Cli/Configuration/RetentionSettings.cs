namespace ErpSync.Cli.Configuration;

/// <summary>The <c>retention</c> section: how long audit rows and processed queue items are kept (0 = forever).</summary>
/// <param name="LogsDays">Days of <c>sync_logs</c> kept (default 90).</param>
/// <param name="QueueDays">Days processed <c>webhook_queue</c> rows are kept (default 30).</param>
internal sealed record RetentionSettings(int LogsDays = RetentionSettings.DefaultLogsDays, int QueueDays = RetentionSettings.DefaultQueueDays)
{
    public const int DefaultLogsDays = 90;
    public const int DefaultQueueDays = 30;
}
