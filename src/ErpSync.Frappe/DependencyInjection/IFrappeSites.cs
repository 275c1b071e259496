using ErpSync.Core.Sites;

namespace ErpSync.Frappe.DependencyInjection;

/// <summary>The registered site clients, by side.</summary>
public interface IFrappeSites
{
    /// <summary>The client of <paramref name="site"/>; <see cref="InvalidOperationException"/> when that site was not registered.</summary>
    FrappeSiteClient this[SiteName site] { get; }

    /// <summary>The cloud site's client.</summary>
    FrappeSiteClient Cloud { get; }

    /// <summary>The local site's client.</summary>
    FrappeSiteClient Local { get; }
}
