using System.Text.Json.Nodes;
using ErpSync.Core.Decisions;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>One pair as read under its lock: the stored record, both documents as the sites sent them and as canonical states.</summary>
internal sealed record PairSnapshot
{
    /// <summary>The stored pair, or <c>null</c> when neither document is known yet.</summary>
    public SyncRecord? Record { get; init; }

    /// <summary>The cloud document as read, or <c>null</c> when absent.</summary>
    public JsonObject? CloudRaw { get; init; }

    /// <summary>The local document as read, or <c>null</c> when absent.</summary>
    public JsonObject? LocalRaw { get; init; }

    /// <summary>Cloud's canonical state.</summary>
    public required SideState Cloud { get; init; }

    /// <summary>Local's canonical state.</summary>
    public required SideState Local { get; init; }

    /// <summary>The name map the states were read with.</summary>
    public required NameMap Names { get; init; }

    /// <summary>The document of <paramref name="site"/> as read.</summary>
    public JsonObject? Raw(SiteName site) => site == SiteName.Cloud ? CloudRaw : LocalRaw;

    /// <summary>The state of <paramref name="site"/>.</summary>
    public SideState Side(SiteName site) => site == SiteName.Cloud ? Cloud : Local;

    /// <summary>
    /// Whether neither side changed since <paramref name="record"/> was written (its <c>modified</c> strings, or both
    /// absent): an unresolved conflict then stays as it is without planning again.
    /// </summary>
    public bool UnchangedSince(SyncRecord record) =>
        ModifiedStamp.Same(Cloud.Exists ? Cloud.Modified : null, record.CloudModified) &&
        ModifiedStamp.Same(Local.Exists ? Local.Modified : null, record.LocalModified);
}
