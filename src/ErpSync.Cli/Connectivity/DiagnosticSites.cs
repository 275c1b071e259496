using ErpSync.Cli.Configuration;
using ErpSync.Core.Configuration;
using ErpSync.Frappe;
using Microsoft.Extensions.Logging;

namespace ErpSync.Cli.Connectivity;

/// <summary>
/// Site clients for connection checks (<c>test</c>, <c>doctor</c>): one attempt per request and short timeouts,
/// so a site that is down is reported in seconds instead of after the sync's full retry schedule.
/// </summary>
internal static class DiagnosticSites
{
    public static FrappeSiteClient Create(SiteSettings site, TimeProvider time, ILoggerFactory? loggers) =>
        FrappeSiteClient.Create(
            new FrappeSiteOptions
            {
                Site = site.Site,
                BaseUrl = site.Url,
                ApiKey = site.ApiKey,
                ApiSecret = site.ApiSecret.Reveal(),
                Retry = new RetryRules { MaxAttempts = 1, BackoffSeconds = 0 },
                RequestTimeout = TimeSpan.FromSeconds(15),
                ConnectTimeout = TimeSpan.FromSeconds(5),
            },
            time,
            loggers);
}
