namespace ErpSync.Core.Sites;

/// <summary>What a connection check learns about a site.</summary>
/// <param name="Url">Base URL of the site.</param>
/// <param name="User">The API user (<c>frappe.auth.get_logged_user</c>).</param>
/// <param name="FrappeVersion">Frappe framework version, or <c>null</c> when the site does not say.</param>
/// <param name="TimeZone">IANA time zone of the site's <c>modified</c> timestamps (System Settings).</param>
/// <param name="RoundTrip">Duration of one authenticated request.</param>
public sealed record SiteInfo(string Url, string User, string? FrappeVersion, string TimeZone, TimeSpan RoundTrip);
