using ErpSync.Cli.Configuration;
using ErpSync.Core.Configuration;
using ErpSync.Frappe;
using Microsoft.Extensions.Logging;

namespace ErpSync.Cli.Composition;

/// <summary>Builds the REST client of one site from its validated settings and the retry rules.</summary>
internal static class SiteClientFactory
{
    public static FrappeSiteClient Create(SiteSettings site, SyncRules rules, TimeProvider time, ILoggerFactory? loggers) =>
        FrappeSiteClient.Create(
            new FrappeSiteOptions
            {
                Site = site.Site,
                BaseUrl = site.Url,
                ApiKey = site.ApiKey,
                ApiSecret = site.ApiSecret.Reveal(),
                Retry = rules.Retry,
                PageSize = Math.Max(rules.BatchSize, 100),
            },
            time,
            loggers);
}
