using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Diagnostics;
using ErpSync.Frappe.Errors;
using ErpSync.Frappe.Http;
using ErpSync.Frappe.Metadata;
using Microsoft.Extensions.Logging;

namespace ErpSync.Frappe.Connection;

/// <summary>
/// The connection check: the API user (one timed round trip), the Frappe version
/// (<c>frappe.utils.change_log.get_versions</c>; <c>null</c> when the site refuses to say) and the time zone
/// (<c>frappe.client.get_time_zone</c>, else System Settings, else Frappe's own default).
/// </summary>
internal sealed class SiteInfoReader(FrappeTransport transport, FrappeSiteOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>What Frappe itself uses when System Settings has no time zone (<c>frappe.utils.get_system_timezone</c>).</summary>
    internal const string FrappeDefaultTimeZone = "Asia/Kolkata";

    private readonly string _site = options.Site.ToWire();

    public async Task<SiteInfo> ReadAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var userAnswer = await CallAsync("frappe.auth.get_logged_user", [], cancellationToken).ConfigureAwait(false);
        var roundTrip = time.GetElapsedTime(started);
        var user = MetaParser.Text(userAnswer.Message);
        if (string.IsNullOrWhiteSpace(user))
            throw new FrappeServerException($"{_site} site answered frappe.auth.get_logged_user without a user", userAnswer.Status);
        if (user == "Guest")
            throw new FrappeAuthenticationException($"{_site} site treats the API key as Guest; check the API key and secret", userAnswer.Status);

        var version = await VersionAsync(cancellationToken).ConfigureAwait(false);
        var timeZone = await TimeZoneAsync(cancellationToken).ConfigureAwait(false);
        return new SiteInfo(options.NormalizedBaseUrl.ToString().TrimEnd('/'), user, version, timeZone, roundTrip);
    }

    private async Task<string?> VersionAsync(CancellationToken cancellationToken)
    {
        const string method = "frappe.utils.change_log.get_versions";
        try
        {
            var answer = await CallAsync(method, [], cancellationToken).ConfigureAwait(false);
            var frappe = answer.Message?["frappe"];
            return MetaParser.Text(frappe is JsonObject app ? app["version"] : frappe);
        }
        catch (FrappeException ex) when (!ex.IsTransient && ex is not FrappeAuthenticationException)
        {
            FrappeLog.VersionUnknown(logger, _site, method, ex.Message);
            return null;
        }
    }

    private async Task<string> TimeZoneAsync(CancellationToken cancellationToken)
    {
        try
        {
            var answer = await CallAsync("frappe.client.get_time_zone", [], cancellationToken).ConfigureAwait(false);
            var zone = MetaParser.Text(answer.Message is JsonObject message ? message["time_zone"] : answer.Message);
            if (!string.IsNullOrWhiteSpace(zone))
                return zone;
        }
        catch (FrappeException ex) when (!ex.IsTransient && ex is not FrappeAuthenticationException)
        {
            // Older or stripped-down sites: read System Settings instead.
        }

        var request = new FrappeRequest(HttpMethod.Get, FrappeUrl.Resource("System Settings", "System Settings"),
            new RequestContext(options.Site, "GET", "System Settings", "System Settings", "System Settings"));
        var settings = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var stored = MetaParser.Text((settings.Data as JsonObject)?["time_zone"]);
        return string.IsNullOrWhiteSpace(stored) ? FrappeDefaultTimeZone : stored;
    }

    private Task<FrappeResponse> CallAsync(string method, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken) =>
        transport.SendAsync(
            new FrappeRequest(HttpMethod.Get, FrappeUrl.WithQuery(FrappeUrl.Method(method), query), new RequestContext(options.Site, "GET", method)),
            cancellationToken);
}
