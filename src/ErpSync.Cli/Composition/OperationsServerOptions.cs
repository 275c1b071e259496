using ErpSync.Cli.Configuration;
using ErpSync.Server;
using ErpSync.Server.Alerts;
using ErpSync.Server.Upkeep;
using ErpSync.Server.Verification;
using CoreThresholds = ErpSync.Core.Alerts.AlertThresholds;

namespace ErpSync.Cli.Composition;

/// <summary>Maps the operations parts of the configuration (<c>alerts</c>, <c>retention</c>, <c>server.reconcile_schedule</c>) onto the server's and the CLI's options.</summary>
internal static class OperationsServerOptions
{
    /// <summary><paramref name="options"/> with alerts, scheduled verification and upkeep taken from <paramref name="config"/>.</summary>
    public static ServerOptions WithOperations(this ServerOptions options, ErpSyncConfig config)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        var schedule = config.Server.ReconcileSchedule;
        return options with
        {
            Alerts = options.Alerts with
            {
                Thresholds = AlertThresholds(config),
                WebhookUrl = config.Alerts.WebhookUrl is { } url ? new Uri(url.Reveal(), UriKind.Absolute) : null,
            },
            Verification = new VerificationOptions
            {
                NextRun = schedule.Enabled ? schedule.Next : null,
                Description = schedule.Text,
            },
            Upkeep = options.Upkeep with
            {
                LogsRetentionDays = config.Retention.LogsDays,
                QueueRetentionDays = config.Retention.QueueDays,
            },
        };
    }

    /// <summary>The <c>alerts.thresholds</c> section as the evaluator takes it (0 = that alert is off).</summary>
    public static CoreThresholds AlertThresholds(ErpSyncConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var t = config.Alerts.Thresholds;
        return new CoreThresholds
        {
            Errors = t.Errors,
            DeadLetters = t.DeadLetters,
            UnresolvedConflicts = t.UnresolvedConflicts,
            QueueAge = TimeSpan.FromSeconds(t.QueueAgeSeconds),
            SiteUnreachable = TimeSpan.FromSeconds(t.SiteUnreachable),
        };
    }
}
