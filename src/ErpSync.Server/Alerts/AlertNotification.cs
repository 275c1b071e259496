namespace ErpSync.Server.Alerts;

/// <summary>
/// The JSON body POSTed to <c>alerts.webhook_url</c>. <c>text</c> makes it readable as-is by Slack-compatible
/// incoming webhooks (Slack, Mattermost, Rocket.Chat, Google Chat); the other fields are for gateways that route
/// on them. Holds no secret: no API keys, webhook secret, connection string or site credentials.
/// </summary>
/// <param name="Event"><c>alert_started</c> or <c>alert_cleared</c>.</param>
/// <param name="Text">One line for people.</param>
/// <param name="Service">The server's service name.</param>
/// <param name="Host">The machine the server runs on.</param>
/// <param name="Alert">The alert.</param>
/// <param name="ActiveAlerts">How many alerts are active after this change.</param>
/// <param name="Timestamp">When the change was seen (UTC).</param>
internal sealed record AlertNotification(string Event, string Text, string Service, string Host, ActiveAlert Alert, int ActiveAlerts, DateTimeOffset Timestamp);
