using ErpSync.Core.Dependencies;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Engine;

/// <summary>The engine's view of both sites, read once: time zones and the configured DocTypes.</summary>
internal sealed record EngineSetup
{
    /// <summary>Time zone of the cloud site's timestamps.</summary>
    public required TimeZoneInfo CloudZone { get; init; }

    /// <summary>Time zone of the local site's timestamps.</summary>
    public required TimeZoneInfo LocalZone { get; init; }

    /// <summary>The configured DocTypes by name.</summary>
    public required IReadOnlyDictionary<string, DocTypeContext> DocTypes { get; init; }

    /// <summary>The order a full sync takes: link targets first.</summary>
    public required SyncOrder Order { get; init; }

    /// <summary>The configured DocTypes (the sync scope).</summary>
    public required IReadOnlySet<string> Scope { get; init; }

    /// <summary>Configured DocTypes with mapped naming: their links translate through stored pairs.</summary>
    public required IReadOnlySet<string> Mapped { get; init; }

    /// <summary>The time zone of <paramref name="site"/>.</summary>
    public TimeZoneInfo Zone(SiteName site) => site == SiteName.Cloud ? CloudZone : LocalZone;
}
