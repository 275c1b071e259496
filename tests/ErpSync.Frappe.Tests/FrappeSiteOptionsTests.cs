using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Tests.Transcripts;

namespace ErpSync.Frappe.Tests;

public sealed class FrappeSiteOptionsTests
{
    [Fact]
    public void Validate_Defaults_MatchTheIssue()
    {
        var options = TestSites.Options() with { Retry = new RetryRules(), RequestTimeout = TimeSpan.FromSeconds(30) };

        options.Validate();

        options.MaxConcurrency.ShouldBe(8);
        options.RequestTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.PageSize.ShouldBe(500);
        options.Retry.MaxAttempts.ShouldBe(5);
    }

    [Fact]
    public void Validate_EverythingWrong_NamesEachProblemWithoutTheSecret()
    {
        var options = TestSites.Options(new Uri("ftp://site1.test")) with
        {
            ApiKey = "",
            ApiSecret = "has space " + TestSites.Secret,
            MaxConcurrency = 0,
            RequestTimeout = TimeSpan.Zero,
            PageSize = 0,
            Retry = new RetryRules { MaxAttempts = 0, BackoffSeconds = -1 },
            Circuit = new FrappeCircuitOptions { FailureRatio = 2, MinimumThroughput = 1 },
        };

        var ex = Should.Throw<ArgumentException>(options.Validate);

        ex.Message.ShouldContain("Invalid settings for the cloud site");
        ex.Message.ShouldContain("absolute http:// or https:// URL (set CLOUD_ERP_URL)");
        ex.Message.ShouldContain("API key is empty (set CLOUD_API_KEY)");
        ex.Message.ShouldContain("API secret must not contain spaces");
        ex.Message.ShouldContain("MaxConcurrency must be between 1 and 256, not 0");
        ex.Message.ShouldContain("RequestTimeout must be more than 0");
        ex.Message.ShouldContain("PageSize must be between 1 and 100000, not 0");
        ex.Message.ShouldContain("retry.max_attempts must be between 1 and 100, not 0");
        ex.Message.ShouldContain("retry.backoff_seconds must be between 0 and 3600, not -1");
        ex.Message.ShouldContain("Circuit.FailureRatio");
        ex.Message.ShouldContain("Circuit.MinimumThroughput");
        ex.Message.ShouldNotContain(TestSites.Secret);
    }

    [Fact]
    public void Validate_UrlWithCredentials_Refused()
    {
        var ex = Should.Throw<ArgumentException>(() => (TestSites.Options(new Uri("https://user:pw@erp.example.com")) with { Site = SiteName.Local }).Validate());

        ex.Message.ShouldContain("local site URL must not carry credentials");
        ex.Message.ShouldNotContain("pw");
    }

    [Fact]
    public void ToString_Always_MasksSecretAndKey()
    {
        var text = TestSites.Options().ToString();

        text.ShouldNotContain(TestSites.Secret);
        text.ShouldNotContain(TestSites.Key);
        text.ShouldContain("ApiSecret = ***");
        text.ShouldContain("BaseUrl = http://site1.test/");
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsBeforeAnyRequest()
    {
        Should.Throw<ArgumentException>(() => FrappeSiteClient.Create(TestSites.Options() with { ApiSecret = " " }));
    }

    [Fact]
    public void NormalizedBaseUrl_PathPrefixWithoutSlash_KeepsThePrefix()
    {
        (TestSites.Options(new Uri("https://erp.example.com/frappe")) with { }).NormalizedBaseUrl.ToString().ShouldBe("https://erp.example.com/frappe/");
    }
}
