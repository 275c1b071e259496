using System.Globalization;
using System.Text;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;

namespace ErpSync.Frappe;

/// <summary>
/// How to reach one Frappe site and how hard to try. Validated by <see cref="Validate"/> when a client is
/// built; <see cref="ToString"/> never prints the secret.
/// </summary>
public sealed record FrappeSiteOptions
{
    /// <summary>Which side of the pair this site is.</summary>
    public required SiteName Site { get; init; }

    /// <summary>Base URL of the site, e.g. <c>https://erp.example.com</c> (a path prefix is kept).</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>API key of the sync user (<c>User.api_key</c>).</summary>
    public required string ApiKey { get; init; }

    /// <summary>API secret of the sync user. Never logged or printed.</summary>
    public required string ApiSecret { get; init; }

    /// <summary>Requests in flight to this site at once (default 8).</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Time allowed for one attempt, from sending to the last byte of the answer (default 30 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed to open a TCP/TLS connection (default 10 s, never more than <see cref="RequestTimeout"/>).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Rows per list request (default 500).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>
    /// Rows per request of the (name, modified) streams a reconciliation and the sweep read — two small columns, so
    /// larger pages than <see cref="PageSize"/> cost the site little and save round trips; <c>null</c> uses
    /// <see cref="PageSize"/>.
    /// </summary>
    public int? StampPageSize { get; init; }

    /// <summary>Attempts and base backoff for transient failures (<c>sync_rules.retry</c>).</summary>
    public RetryRules Retry { get; init; } = new();

    /// <summary>Upper bound of one backoff delay (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A 429 whose Retry-After is longer than this is not waited out inside the request; it surfaces as
    /// <see cref="FrappeRateLimitedException"/> so the queue can schedule it (default 30 s).
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When the circuit to this site opens and how long it stays open.</summary>
    public FrappeCircuitOptions Circuit { get; init; } = new();

    /// <summary>The URL with a trailing slash, so relative API paths append to any path prefix.</summary>
    internal Uri NormalizedBaseUrl
    {
        get
        {
            var text = BaseUrl.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting and how to fix it.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        var site = Site.ToWire();
        if (!Enum.IsDefined(Site))
            problems.Add("Site must be Cloud or Local");
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
            problems.Add($"the {site} site URL must be an absolute http:// or https:// URL (set {site.ToUpperInvariant()}_ERP_URL)");
        else if (!string.IsNullOrEmpty(BaseUrl.UserInfo))
            problems.Add($"the {site} site URL must not carry credentials; use the API key and secret settings");
        else if (!string.IsNullOrEmpty(BaseUrl.Query) || !string.IsNullOrEmpty(BaseUrl.Fragment))
            problems.Add($"the {site} site URL must not have a query or fragment: {BaseUrl.GetLeftPart(UriPartial.Path)}");
        if (string.IsNullOrWhiteSpace(ApiKey))
            problems.Add($"the {site} API key is empty (set {site.ToUpperInvariant()}_API_KEY)");
        else if (ApiKey.Any(c => c == ':' || char.IsWhiteSpace(c)))
            problems.Add($"the {site} API key must not contain ':' or spaces (check {site.ToUpperInvariant()}_API_KEY)");
        if (string.IsNullOrWhiteSpace(ApiSecret))
            problems.Add($"the {site} API secret is empty (set {site.ToUpperInvariant()}_API_SECRET)");
        else if (ApiSecret.Any(char.IsWhiteSpace))
            problems.Add($"the {site} API secret must not contain spaces (check {site.ToUpperInvariant()}_API_SECRET; value not shown)");
        if (MaxConcurrency is < 1 or > 256)
            problems.Add($"MaxConcurrency must be between 1 and 256, not {MaxConcurrency}");
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(30))
            problems.Add($"RequestTimeout must be more than 0 and at most 30 minutes, not {RequestTimeout}");
        if (ConnectTimeout <= TimeSpan.Zero)
            problems.Add($"ConnectTimeout must be more than 0, not {ConnectTimeout}");
        if (PageSize is < 1 or > 100_000)
            problems.Add($"PageSize must be between 1 and 100000, not {PageSize}");
        if (StampPageSize is < 1 or > 100_000)
            problems.Add($"StampPageSize must be between 1 and 100000, not {StampPageSize}");
        if (Retry is null)
            problems.Add("Retry must be set");
        else
        {
            if (Retry.MaxAttempts is < 1 or > 100)
                problems.Add($"retry.max_attempts must be between 1 and 100, not {Retry.MaxAttempts}");
            if (double.IsNaN(Retry.BackoffSeconds) || Retry.BackoffSeconds < 0 || Retry.BackoffSeconds > 3600)
                problems.Add($"retry.backoff_seconds must be between 0 and 3600, not {Retry.BackoffSeconds.ToString(CultureInfo.InvariantCulture)}");
        }

        if (MaxRetryDelay < TimeSpan.Zero)
            problems.Add($"MaxRetryDelay must not be negative, not {MaxRetryDelay}");
        if (MaxRetryAfter < TimeSpan.Zero)
            problems.Add($"MaxRetryAfter must not be negative, not {MaxRetryAfter}");
        if (Circuit is null)
            problems.Add("Circuit must be set");
        else
            problems.AddRange(Circuit.Problems());

        if (problems.Count > 0)
            throw new ArgumentException($"Invalid settings for the {site} site: " + string.Join("; ", problems) + ".");
    }

    /// <summary>Prints the settings with the secret and key masked.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"FrappeSiteOptions {{ Site = {Site.ToWire()}, BaseUrl = {BaseUrl}, ApiKey = {Mask(ApiKey)}, ApiSecret = ***, ");
        text.Append(CultureInfo.InvariantCulture, $"MaxConcurrency = {MaxConcurrency}, RequestTimeout = {RequestTimeout}, PageSize = {PageSize}, ");
        text.Append(CultureInfo.InvariantCulture, $"Retry = {Retry}, Circuit = {Circuit} }}");
        return text.ToString();
    }

    private static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? "(empty)" : value.Length <= 4 ? "***" : value[..4] + "***";
}
