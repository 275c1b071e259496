namespace ErpSync.Cli.Webhooks;

/// <summary>What <c>setup-webhook --apply</c> did to one Webhook document.</summary>
internal enum WebhookChangeKind
{
    Created,
    Updated,
    Unchanged,
}
