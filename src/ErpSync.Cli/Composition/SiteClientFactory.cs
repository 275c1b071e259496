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
                // A no-op reconciliation of 17,000 documents read 340 stamp pages of 100; 1,000 rows of (name, modified)
                // are still a light request for Frappe, and the run then stays within seconds (BENCHMARKS.md, workload 3).
                StampPageSize = Math.Max(rules.BatchSize, 1000),
            },
            time,
            loggers);
}
