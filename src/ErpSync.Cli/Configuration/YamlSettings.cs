using ErpSync.Core.Configuration;
using Serilog.Events;

namespace ErpSync.Cli.Configuration;

/// <summary>What <c>config.yaml</c> says, before it is combined with the environment.</summary>
internal sealed record YamlSettings
{
    public SyncRules SyncRules { get; init; } = new();

    /// <summary>Whether <c>sync_rules.conflict_resolution</c> was written (it then wins over <c>CONFLICT_RESOLUTION</c>).</summary>
    public bool ConflictResolutionSet { get; init; }

    public ServerSettings Server { get; init; } = ServerSettings.Default;

    public RetentionSettings Retention { get; init; } = new();

    public AlertSettings Alerts { get; init; } = new(null, new AlertThresholds());

    public string? LogFile { get; init; }

    public LogEventLevel? LogLevel { get; init; }

    public long? LogMaxFileBytes { get; init; }

    public int? LogRetainedFiles { get; init; }

    public bool LogJson { get; init; }
}
