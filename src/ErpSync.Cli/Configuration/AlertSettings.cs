namespace ErpSync.Cli.Configuration;

/// <summary>The <c>alerts</c> section.</summary>
/// <param name="WebhookUrl">
/// Where alerts are POSTed as JSON; <c>null</c> = alerts go to the log only. Kept as a secret because chat
/// webhook URLs (Slack, Teams) carry their token in the path.
/// </param>
/// <param name="Thresholds">When alerts fire.</param>
internal sealed record AlertSettings(Secret? WebhookUrl, AlertThresholds Thresholds);
