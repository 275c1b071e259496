using System.Globalization;
using ErpSync.Core.Alerts;

namespace ErpSync.Server.Alerts;

/// <summary>The <c>alerts</c> section as the server uses it: thresholds, how often they are judged, and where notifications go.</summary>
public sealed record AlertOptions
{
    /// <summary>When alerts fire (<c>alerts.thresholds</c>).</summary>
    public AlertThresholds Thresholds { get; init; } = new();

    /// <summary>
    /// Where a JSON notification is POSTed when an alert starts and when it clears (<c>alerts.webhook_url</c>);
    /// <c>null</c>: alerts are only logged and shown. Treated as a secret (chat webhooks carry a token in the
    /// path): never logged, only its host is.
    /// </summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>Time between evaluations of the thresholds (the first runs at start). Default 30 s.</summary>
    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one notification may take before it counts as failed (and is tried again next evaluation). Default 10 s.</summary>
    public TimeSpan NotificationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    internal IEnumerable<string> Problems()
    {
        if (Thresholds is null)
        {
            yield return "alert thresholds are missing";
        }
        else if (Thresholds.Errors < 0 || Thresholds.DeadLetters < 0 || Thresholds.UnresolvedConflicts < 0
                 || Thresholds.QueueAge < TimeSpan.Zero || Thresholds.SiteUnreachable < TimeSpan.Zero)
        {
            yield return "alerts.thresholds must be 0 (off) or more";
        }

        if (WebhookUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            yield return "alerts.webhook_url must be an absolute http:// or https:// address";
        if (EvaluationInterval < TimeSpan.FromSeconds(1))
            yield return "the alert evaluation interval must be at least 1 second";
        if (NotificationTimeout <= TimeSpan.Zero)
            yield return "the alert notification timeout must be positive";
    }

    // The webhook URL may carry a token (Slack, Teams): only its host is ever shown.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Thresholds = {Thresholds}, WebhookUrl = {(WebhookUrl is null ? "(none)" : $"[redacted, host {WebhookUrl.Host}]")}, ");
        builder.Append(CultureInfo.InvariantCulture, $"EvaluationInterval = {EvaluationInterval}, NotificationTimeout = {NotificationTimeout}");
        return true;
    }
}
