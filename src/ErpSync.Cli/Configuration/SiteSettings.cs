using ErpSync.Core.Sites;

namespace ErpSync.Cli.Configuration;

/// <summary>How to reach one Frappe site: <c>{CLOUD|LOCAL}_ERP_URL</c>, <c>_API_KEY</c>, <c>_API_SECRET</c>.</summary>
/// <param name="Site">Which end of the pair.</param>
/// <param name="Url">Base URL of the site (scheme, host, optional port; no trailing slash).</param>
/// <param name="ApiKey">API key of the integration user (not secret by itself; shown in Frappe's UI).</param>
/// <param name="ApiSecret">API secret of that user.</param>
internal sealed record SiteSettings(SiteName Site, Uri Url, string ApiKey, Secret ApiSecret);
