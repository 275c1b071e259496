using ErpSync.Core.Sites;
using ErpSync.Frappe;
using ErpSync.Frappe.Resilience;

namespace ErpSync.Server;

/// <summary>One site as the server sees it: the client the sweep lists with, and its circuit for <c>/health</c>.</summary>
/// <param name="Client">The site's API client.</param>
/// <param name="Circuit">Reads the client's circuit-breaker state.</param>
/// <param name="BaseUrl">The site's address, for the banner and <c>/status</c>; <c>null</c> when unknown.</param>
public sealed record ServerSite(IFrappeSite Client, Func<SiteCircuitState> Circuit, Uri? BaseUrl)
{
    /// <summary>Which end of the pair it is.</summary>
    public SiteName Name => Client.Site;

    /// <summary>Wraps the REST client of a site.</summary>
    public static ServerSite From(FrappeSiteClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new ServerSite(client, () => client.CircuitState, client.BaseUrl);
    }
}
