namespace ErpSync.Cli.Configuration;

/// <summary>
/// What a command cannot run without. Syntax, types, unknown keys and malformed values are always refused;
/// these flags add "must be present" checks, so <c>status</c> runs without site secrets and <c>serve</c> does not.
/// </summary>
[Flags]
internal enum ConfigRequirements
{
    /// <summary>Only what is present is validated.</summary>
    None = 0,

    /// <summary><c>config.yaml</c> must exist and list at least one DocType.</summary>
    SyncRules = 1,

    /// <summary>URL, API key and API secret of both sites.</summary>
    Sites = 2,

    /// <summary><c>WEBHOOK_SECRET</c>.</summary>
    WebhookSecret = 4,

    /// <summary>Everything: what <c>serve</c> needs.</summary>
    All = SyncRules | Sites | WebhookSecret,
}
