using System.Globalization;

namespace ErpSync.Cli.Diagnostics;

/// <summary>
/// How far a site's clock is from this machine's: the HTTP <c>Date</c> header of a guest <c>frappe.ping</c>
/// against the middle of the request (one-second resolution, which is what matters for <c>modified</c> comparisons).
/// </summary>
internal static class ClockProbe
{
    public static async Task<TimeSpan?> MeasureAsync(Uri baseUrl, TimeProvider time, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = TimeSpan.FromSeconds(10) };
        var sent = time.GetUtcNow();
        using var response = await http.GetAsync(new Uri(baseUrl, "/api/method/frappe.ping"), cancellationToken);
        var received = time.GetUtcNow();
        if (response.Headers.Date is not { } siteNow) return null;
        var middle = sent + ((received - sent) / 2);
        // Date has whole seconds, truncated: the site's clock was on average half a second past it.
        return siteNow + TimeSpan.FromMilliseconds(500) - middle;
    }

    public static string Format(TimeSpan skew) =>
        (skew >= TimeSpan.Zero ? "+" : "-") + Math.Abs(skew.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
