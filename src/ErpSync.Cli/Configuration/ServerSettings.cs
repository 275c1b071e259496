namespace ErpSync.Cli.Configuration;

/// <summary>The <c>server</c> section: how <c>erpsync serve</c> works the queue and sweeps.</summary>
/// <param name="Workers">Queue workers per process (default 4).</param>
/// <param name="SweepIntervalSeconds">Seconds between sweeps of each site for changes webhooks missed; 0 disables (default 60).</param>
/// <param name="MaxBodyBytes">Largest webhook body accepted; larger gets 413 (default 1 MiB).</param>
/// <param name="LeaseSeconds">How long a worker owns a claimed item before another may take it (default 120).</param>
/// <param name="ReconcileSchedule">When the server runs a full reconciliation (default <c>daily 02:00</c>).</param>
internal sealed record ServerSettings(
    int Workers,
    int SweepIntervalSeconds,
    int MaxBodyBytes,
    int LeaseSeconds,
    ReconcileSchedule ReconcileSchedule)
{
    public const int DefaultWorkers = 4;
    public const int DefaultSweepIntervalSeconds = 60;
    public const int DefaultMaxBodyBytes = 1024 * 1024;
    public const int DefaultLeaseSeconds = 120;
    public const string DefaultReconcileSchedule = "daily 02:00";

    public static ServerSettings Default { get; } = new(
        DefaultWorkers, DefaultSweepIntervalSeconds, DefaultMaxBodyBytes, DefaultLeaseSeconds,
        ReconcileSchedule.Parse(DefaultReconcileSchedule));
}
