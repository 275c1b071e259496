using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;

namespace ErpSync.Frappe.Tests.Transcripts;

/// <summary>Options and clients for tests: fast retries so a test never waits on a real backoff.</summary>
internal static class TestSites
{
    public const string Key = "test-key-1234";
    public const string Secret = "s3cr3t-never-shown";

    public static FrappeSiteOptions Options(Uri? baseUrl = null, SiteName site = SiteName.Cloud) => new()
    {
        Site = site,
        BaseUrl = baseUrl ?? new Uri("http://site1.test/"),
        ApiKey = Key,
        ApiSecret = Secret,
        Retry = new RetryRules { MaxAttempts = 3, BackoffSeconds = 0.001 },
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    public static FrappeSiteClient Client(ScriptedHandler handler, FrappeSiteOptions? options = null, TimeProvider? time = null) =>
        FrappeSiteClient.Create(options ?? Options(), handler, time);
}
