using ErpSync.Core.Configuration;

namespace ErpSync.Cli.Configuration;

/// <summary>
/// Everything ErpSync reads at start from <c>.env</c> (+ the process environment) and <c>config.yaml</c>,
/// validated. Phase B maps it onto the options of the client, store, engine and server.
/// </summary>
internal sealed record ErpSyncConfig
{
    /// <summary>The cloud site; <c>null</c> when its keys are absent and the command did not need them.</summary>
    public SiteSettings? Cloud { get; init; }

    /// <summary>The local site; <c>null</c> when its keys are absent and the command did not need them.</summary>
    public SiteSettings? Local { get; init; }

    public required WebhookSettings Webhook { get; init; }

    public required DatabaseSettings Database { get; init; }

    public SyncRules SyncRules { get; init; } = new();

    public ServerSettings Server { get; init; } = ServerSettings.Default;

    public RetentionSettings Retention { get; init; } = new();

    public AlertSettings Alerts { get; init; } = new(null, new AlertThresholds());

    public required LogSettings Log { get; init; }

    /// <summary>Absolute path of the <c>.env</c> file read (it may not exist).</summary>
    public required string EnvFilePath { get; init; }

    /// <summary>Absolute path of <c>config.yaml</c> (it may not exist when the command needs no rules).</summary>
    public required string ConfigFilePath { get; init; }

    /// <summary>Whether <see cref="ConfigFilePath"/> existed and was read.</summary>
    public bool ConfigFileFound { get; init; }

    /// <summary>Every secret value of this configuration, for the log redaction guard.</summary>
    public IEnumerable<Secret> Secrets()
    {
        if (Cloud is not null) yield return Cloud.ApiSecret;
        if (Local is not null) yield return Local.ApiSecret;
        if (Webhook.Secret is not null) yield return Webhook.Secret;
        if (Database.ConnectionString is not null) yield return Database.ConnectionString;
        if (Database.Password is not null) yield return Database.Password;
        if (Alerts.WebhookUrl is not null) yield return Alerts.WebhookUrl;
    }
}
