using ErpSync.Emulator.Model;

namespace ErpSync.Emulator.Webhooks;

/// <summary>One queued delivery: which Webhook, the document as committed, the event and the user who caused it.</summary>
internal sealed record WebhookJob(string Webhook, Doc Doc, string Event, string User);
