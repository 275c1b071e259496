namespace ErpSync.Cli.Configuration;

/// <summary>The webhook listener: <c>WEBHOOK_HOST</c>, <c>WEBHOOK_PORT</c>, <c>WEBHOOK_SECRET</c>.</summary>
/// <param name="Host">Address to bind (default <c>0.0.0.0</c>).</param>
/// <param name="Port">TCP port (default 5000).</param>
/// <param name="Secret">HMAC key both sites sign their webhooks with; <c>null</c> when not set and not required.</param>
internal sealed record WebhookSettings(string Host, int Port, Secret? Secret)
{
    public const string DefaultHost = "0.0.0.0";
    public const int DefaultPort = 5000;
}
