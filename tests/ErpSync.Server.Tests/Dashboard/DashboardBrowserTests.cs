using System.Text.RegularExpressions;
using ErpSync.Server.Tests.EndToEnd;
using Microsoft.Playwright;

namespace ErpSync.Server.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser (the machine's Chromium, never a downloaded one) against a live server with the
/// real engine and two emulated sites.
/// </summary>
public sealed class DashboardBrowserTests(LiveSyncFixture fixture) : IClassFixture<LiveSyncFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Wait = new() { Timeout = 30_000 };

    private LiveSync Live => fixture.Live;

    [Fact]
    public async Task Dashboard_LiveServer_ShowsQueueAndSitesAndFollowsChanges()
    {
        var chromium = Environment.GetEnvironmentVariable("ERPSYNC_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            Assert.Skip($"Dashboard browser test skipped: no Chromium at {chromium} (install the chromium package or set ERPSYNC_CHROMIUM).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(Live.BaseUrl, "?refresh_ms=300").ToString());

        await Assertions.Expect(page).ToHaveTitleAsync("ErpSync");
        await Assertions.Expect(page.Locator("#health-status")).ToHaveTextAsync("healthy", Wait);
        await Assertions.Expect(page.Locator("#pending")).ToHaveTextAsync("0", Wait);
        await Assertions.Expect(page.Locator("#dead")).ToHaveTextAsync("0", Wait);
        await Assertions.Expect(page.Locator("#workers")).ToHaveTextAsync(new Regex(@"^\d+ / 4$"), Wait);
        await Assertions.Expect(page.Locator("#sites")).ToContainTextAsync($"cloud: {Live.Sites.Cloud.BaseUrl}", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#doctypes")).ToContainTextAsync("Customer", new() { Timeout = 30_000 });

        // Local goes away: the item retries, and the page shows it without a reload.
        Live.Sites.Local.Faults.Down = true;
        try
        {
            var name = LiveSync.CreateCustomer(Live.Sites.Cloud, "Dashboard Watch");
            await Assertions.Expect(page.Locator("#retrying")).Not.ToHaveTextAsync("0", Wait);
            Live.Sites.Local.Faults.Down = false;
            await Assertions.Expect(page.Locator("#operations")).ToContainTextAsync(name, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#retrying")).ToHaveTextAsync("0", Wait);
            await Assertions.Expect(page.Locator("#doctypes tbody tr").First).ToContainTextAsync("Customer", new() { Timeout = 30_000 });
        }
        finally
        {
            Live.Sites.Local.Faults.Down = false;
        }

        await Assertions.Expect(page.Locator("#error")).ToBeHiddenAsync();
        errors.ShouldBeEmpty();
    }
}
