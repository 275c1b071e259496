using ErpSync.Core.Configuration;
using Serilog.Events;

namespace ErpSync.Cli.Configuration;

/// <summary>What the environment (.env + process) says, before it is combined with <c>config.yaml</c>.</summary>
internal sealed record EnvSettings(
    SiteSettings? Cloud,
    SiteSettings? Local,
    WebhookSettings Webhook,
    DatabaseSettings Database,
    ConflictStrategy? ConflictResolution,
    LogEventLevel? LogLevel,
    string? LogFile);
