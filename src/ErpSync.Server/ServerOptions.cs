using System.Globalization;
using ErpSync.Core.Configuration;
using ErpSync.Server.Alerts;
using ErpSync.Server.Upkeep;
using ErpSync.Server.Verification;

namespace ErpSync.Server;

/// <summary>
/// How <c>erpsync serve</c> runs: where it listens, which DocTypes it accepts, how the queue is worked and how
/// often the sites are swept. Checked by <see cref="Validate"/> before anything starts.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>Address to bind (<c>WEBHOOK_HOST</c>); default <c>0.0.0.0</c> (every IPv4 interface).</summary>
    public string Host { get; init; } = "0.0.0.0";

    /// <summary>TCP port (<c>WEBHOOK_PORT</c>); default 5000; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>
    /// <c>WEBHOOK_SECRET</c>: when set, every webhook must carry a valid <c>X-Frappe-Webhook-Signature</c>;
    /// when <c>null</c> signatures are not checked (the banner says so). Never printed.
    /// </summary>
    public string? WebhookSecret { get; init; }

    /// <summary>The configured DocTypes; events for any other DocType are accepted, logged and skipped.</summary>
    public IReadOnlyList<string> DocTypes { get; init; } = [];

    /// <summary>Queue items processed at once by this process (<c>server.workers</c>, 1–64, default 4).</summary>
    public int Workers { get; init; } = 4;

    /// <summary>Time between sweeps of each site (<c>server.sweep_interval_seconds</c>); zero turns the sweep off. Default 60 s.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How far behind its cursor each sweep starts again, so a document saved in a transaction that committed
    /// after the previous sweep read past its <c>modified</c> is still seen. Default 2 minutes.
    /// </summary>
    public TimeSpan SweepOverlap { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Largest webhook body accepted (<c>server.max_body_bytes</c>); bigger gets 413. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>How long a claimed item belongs to this process before another may take it over (<c>server.lease_seconds</c>). Default 120 s.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Attempts and backoff base for failed items (<c>sync_rules.retry</c>).</summary>
    public RetryRules Retry { get; init; } = new();

    /// <summary>Longest wait between retries of one item. Default 5 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// On shutdown, how long items in progress may run on before they are stopped and handed back to the queue
    /// (not counted as an attempt). Default 20 s.
    /// </summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Longest an idle worker sleeps before looking at the queue again, for events queued by other processes
    /// (another <c>erpsync serve</c> on PostgreSQL, or <c>erpsync retry</c>). Events received by this process
    /// wake its workers at once. <c>null</c>: 1 s on PostgreSQL, 10 s on SQLite.
    /// </summary>
    public TimeSpan? QueuePollInterval { get; init; }

    /// <summary>How many recent operations and unresolved conflicts <c>/status</c> lists. Default 20.</summary>
    public int StatusListLength { get; init; } = 20;

    /// <summary>Alert thresholds, their evaluation interval and the notification webhook (<c>alerts</c>).</summary>
    public AlertOptions Alerts { get; init; } = new();

    /// <summary>The scheduled full reconciliation (<c>server.reconcile_schedule</c>); default nightly at 02:00.</summary>
    public VerificationOptions Verification { get; init; } = new();

    /// <summary>Heartbeat and daily retention pass (<c>retention</c>).</summary>
    public UpkeepOptions Upkeep { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting and how to fix it.</summary>
    public void Validate()
    {
        var problems = Problems().ToList();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid server settings: " + string.Join("; ", problems) + ".");
    }

    private IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Host))
            yield return "WEBHOOK_HOST is empty; use 0.0.0.0 for every interface or 127.0.0.1 for this machine only";
        else if (!System.Net.IPAddress.TryParse(Host, out _) && !string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase))
            yield return $"WEBHOOK_HOST '{Host}' is not an IP address; use 0.0.0.0, 127.0.0.1, :: or localhost";
        if (Port is < 0 or > 65535)
            yield return $"WEBHOOK_PORT {Port.ToString(CultureInfo.InvariantCulture)} is outside 1-65535";
        if (WebhookSecret is { Length: 0 })
            yield return "WEBHOOK_SECRET is empty; remove it to accept unsigned webhooks or set a long random value";
        if (DocTypes.Count == 0)
            yield return "no DocTypes are configured (sync_rules.doctypes)";
        if (DocTypes.Any(string.IsNullOrWhiteSpace))
            yield return "sync_rules.doctypes holds an empty name";
        if (Workers is < 1 or > 64)
            yield return $"server.workers must be 1-64, not {Workers.ToString(CultureInfo.InvariantCulture)}";
        if (SweepInterval < TimeSpan.Zero)
            yield return "server.sweep_interval_seconds must be 0 (off) or more";
        if (SweepOverlap < TimeSpan.Zero)
            yield return "the sweep overlap must not be negative";
        if (MaxBodyBytes < 1024)
            yield return $"server.max_body_bytes must be at least 1024, not {MaxBodyBytes.ToString(CultureInfo.InvariantCulture)}";
        if (Lease < TimeSpan.FromSeconds(1))
            yield return "server.lease_seconds must be at least 1";
        if (Retry.MaxAttempts < 1)
            yield return "sync_rules.retry.max_attempts must be at least 1";
        if (double.IsNaN(Retry.BackoffSeconds) || Retry.BackoffSeconds < 0)
            yield return "sync_rules.retry.backoff_seconds must be 0 or more";
        if (MaxRetryDelay <= TimeSpan.Zero)
            yield return "the longest retry delay must be positive";
        if (ShutdownGrace < TimeSpan.Zero)
            yield return "the shutdown grace period must not be negative";
        if (QueuePollInterval is { } poll && poll <= TimeSpan.Zero)
            yield return "the queue poll interval must be positive";
        if (StatusListLength is < 0 or > 1000)
            yield return "the status list length must be 0-1000";
        foreach (var problem in Alerts.Problems().Concat(Verification.Problems()).Concat(Upkeep.Problems()))
            yield return problem;
    }

    // The webhook secret stays out of logs and exception text.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Host = {Host}, Port = {Port}, WebhookSecret = {(WebhookSecret is null ? "(none)" : "[redacted]")}, ");
        builder.Append(CultureInfo.InvariantCulture, $"DocTypes = [{string.Join(", ", DocTypes)}], Workers = {Workers}, SweepInterval = {SweepInterval}, ");
        builder.Append(CultureInfo.InvariantCulture, $"MaxBodyBytes = {MaxBodyBytes}, Lease = {Lease}, ShutdownGrace = {ShutdownGrace}");
        return true;
    }
}
