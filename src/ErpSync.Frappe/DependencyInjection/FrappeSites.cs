using ErpSync.Core.Sites;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSync.Frappe.DependencyInjection;

/// <summary>Resolves the keyed <see cref="FrappeSiteClient"/> registrations.</summary>
internal sealed class FrappeSites(IServiceProvider services) : IFrappeSites
{
    public FrappeSiteClient this[SiteName site] =>
        services.GetKeyedService<FrappeSiteClient>(site)
        ?? throw new InvalidOperationException($"No Frappe site is registered for {site.ToWire()}; call AddFrappeSite(SiteName.{site}, options).");

    public FrappeSiteClient Cloud => this[SiteName.Cloud];

    public FrappeSiteClient Local => this[SiteName.Local];
}
