namespace ErpSync.Cli.Webhooks;

/// <summary>The result for one <see cref="WebhookTarget"/>.</summary>
/// <param name="Target">What was wanted.</param>
/// <param name="Kind">Created, updated or already right.</param>
/// <param name="Name">The Webhook document's name on the site (V14: <c>HOOK-0001</c>).</param>
/// <param name="Differences">For an update, the settings that differed (never the secret's value).</param>
/// <param name="Duplicates">Other Webhooks of ours for the same DocType and event (each delivers every event again).</param>
internal sealed record WebhookChange(WebhookTarget Target, WebhookChangeKind Kind, string Name, IReadOnlyList<string> Differences, IReadOnlyList<string> Duplicates);
