using Microsoft.Extensions.Logging;

namespace ErpSync.Emulator;

/// <summary>How an <see cref="EmulatedSite"/> is set up.</summary>
public sealed record EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one (see <see cref="EmulatedSite.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>API key of the site's one API user (<c>Authorization: token key:secret</c>).</summary>
    public string ApiKey { get; init; } = "emulator-key";

    /// <summary>API secret of that user.</summary>
    public string ApiSecret { get; init; } = "emulator-secret";

    /// <summary>The user the API key logs in as (<c>owner</c>/<c>modified_by</c> of what it writes).</summary>
    public string User { get; init; } = "Administrator";

    /// <summary>
    /// Secret given to Webhook documents saved with <c>enable_security</c> = 1 but no <c>webhook_secret</c>
    /// (real Frappe refuses those with "Invalid Webhook Secret"; null keeps that behaviour).
    /// </summary>
    public string? WebhookSecret { get; init; }

    /// <summary>IANA time zone of the site (System Settings <c>time_zone</c>); timestamps are naive local time in it.</summary>
    public string TimeZone { get; init; } = "Asia/Kolkata";

    /// <summary>Clock for <c>creation</c>/<c>modified</c> and naming-series dates.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Load the ERPNext-like schema and a fresh ERPNext site's master records.</summary>
    public bool SeedErpNext { get; init; } = true;

    /// <summary>Site name (reported by the version endpoint, used in log text).</summary>
    public string SiteName { get; init; } = "emulated.local";

    /// <summary>A folder of extra Frappe DocType JSON files (searched recursively) to load at start.</summary>
    public string? DocTypesDirectory { get; init; }

    /// <summary>Timings of webhook delivery.</summary>
    public WebhookDeliveryOptions WebhookDelivery { get; init; } = new();

    /// <summary>Logging for the site's host and webhook worker; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
            throw new ArgumentException($"Port must be 0..65535, got {Port}.", nameof(Port));
        if (string.IsNullOrWhiteSpace(ApiKey) || ApiKey.Contains(':', StringComparison.Ordinal))
            throw new ArgumentException("ApiKey must be non-empty and contain no ':'.", nameof(ApiKey));
        if (string.IsNullOrWhiteSpace(ApiSecret))
            throw new ArgumentException("ApiSecret must be non-empty.", nameof(ApiSecret));
        if (string.IsNullOrWhiteSpace(User))
            throw new ArgumentException("User must be non-empty.", nameof(User));
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"Unknown time zone '{TimeZone}'; use an IANA name such as Asia/Kolkata.", nameof(TimeZone));
        }

        if (DocTypesDirectory is not null && !Directory.Exists(DocTypesDirectory))
            throw new ArgumentException($"DocTypesDirectory '{DocTypesDirectory}' does not exist.", nameof(DocTypesDirectory));
        WebhookDelivery.Validate();
    }

    // Secrets stay out of logs and exception text.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Port = {Port}, ApiKey = {ApiKey}, User = {User}, TimeZone = {TimeZone}, SeedErpNext = {SeedErpNext}, SiteName = {SiteName}");
        return true;
    }
}
