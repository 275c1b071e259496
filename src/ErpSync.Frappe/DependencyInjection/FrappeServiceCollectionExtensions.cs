using System.Diagnostics.Metrics;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Http;
using ErpSync.Frappe.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ErpSync.Frappe.DependencyInjection;

/// <summary>Registers Frappe site clients.</summary>
public static class FrappeServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> of a site (<c>erpsync-frappe-cloud</c> / <c>erpsync-frappe-local</c>).</summary>
    public static string HttpClientName(SiteName site) => "erpsync-frappe-" + site.ToWire();

    /// <summary>
    /// Registers the client of <paramref name="site"/> as a keyed singleton (<see cref="FrappeSiteClient"/>,
    /// <see cref="IFrappeSite"/> and <see cref="IFrappeWebhooks"/>, key = <paramref name="site"/>), its named
    /// <see cref="HttpClient"/> with one pooled <see cref="SocketsHttpHandler"/>, and <see cref="IFrappeSites"/>.
    /// The options are validated now; <see cref="ArgumentException"/> names what is wrong.
    /// </summary>
    public static IServiceCollection AddFrappeSite(this IServiceCollection services, SiteName site, FrappeSiteOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Site != site)
            throw new ArgumentException($"The options are for the {options.Site.ToWire()} site but are registered as {site.ToWire()}.", nameof(options));
        options.Validate();

        var name = HttpClientName(site);
        services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(() => FrappeHttpHandler.Create(options))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The handler pools and recycles its own connections (PooledConnectionLifetime), so the factory need not rotate it.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(site, (provider, _) => new FrappeSiteClient(
            options,
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(name),
            ownsHttp: false,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IMeterFactory>()));
        services.AddKeyedSingleton<IFrappeSite>(site, (provider, key) => provider.GetRequiredKeyedService<FrappeSiteClient>(key));
        services.AddKeyedSingleton<IFrappeWebhooks>(site, (provider, key) => provider.GetRequiredKeyedService<FrappeSiteClient>(key));
        services.TryAddSingleton<IFrappeSites, FrappeSites>();
        return services;
    }
}
