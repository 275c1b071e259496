using ErpSync.Core.Sync;
using ErpSync.Store;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server;

/// <summary>The live objects the server works with, built by the caller (the CLI's composition root, or a test).</summary>
public sealed record ServerDependencies
{
    /// <summary>The state database: queue, store and document locks. The caller owns and disposes it, after the server stopped.</summary>
    public required IStateDatabase Database { get; init; }

    /// <summary>The engine the queue workers call for each document.</summary>
    public required ISyncEngine Engine { get; init; }

    /// <summary>The cloud site.</summary>
    public required ServerSite Cloud { get; init; }

    /// <summary>The local site.</summary>
    public required ServerSite Local { get; init; }

    /// <summary>Clock for leases, retries, sweeps and reports.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the server logs; nothing is logged when <c>null</c>.</summary>
    public ILoggerFactory? Loggers { get; init; }

    /// <summary>Source of retry jitter (seed it in tests); a shared random one when <c>null</c>.</summary>
    public Random? Random { get; init; }

    internal IEnumerable<ServerSite> Sites => [Cloud, Local];

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Database);
        ArgumentNullException.ThrowIfNull(Engine);
        ArgumentNullException.ThrowIfNull(Cloud);
        ArgumentNullException.ThrowIfNull(Local);
        ArgumentNullException.ThrowIfNull(Time);
        if (Cloud.Name != Core.Sites.SiteName.Cloud || Local.Name != Core.Sites.SiteName.Local)
            throw new ArgumentException("ServerDependencies.Cloud must be the cloud site's client and Local the local site's.");
    }
}
