using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;
using ErpSync.TestKit.Time;

namespace ErpSync.Emulator.Tests.Model;

public sealed class SiteClockTests(SiteClockTests.Fixture fixture) : IClassFixture<SiteClockTests.Fixture>
{
    public sealed class Fixture : EmulatedSiteFixture
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

        protected override EmulatorOptions Options => new() { SeedErpNext = false, TimeProvider = Clock, TimeZone = "Europe/Berlin" };
    }

    private EmulatedSite Site => fixture.Site;

    private string DocType() => TestDocTypes.Define(Site, "Clocked", "field:title", ["title:Data", "note:Data"]);

    [Fact]
    public void Insert_WholeSecond_PostShowsMicrosGetDropsThem()
    {
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));

        var posted = Site.Backdoor.Insert(DocType(), new JsonObject { ["title"] = "whole-second" });

        posted["modified"]!.GetValue<string>().ShouldBe("2026-01-15 11:00:00.000000");
        Site.Backdoor.Get(DocType(), "whole-second")!["modified"]!.GetValue<string>().ShouldBe("2026-01-15 11:00:00");
    }

    [Fact]
    public async Task Put_ModifiedAsPostPrintedIt_TimestampMismatchLikeFrappe()
    {
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
        var posted = Site.Backdoor.Insert(DocType(), new JsonObject { ["title"] = "zero-micros" });
        fixture.Clock.Advance(TimeSpan.FromSeconds(1.5));
        using var http = new SiteHttp(Site);

        var stale = await http.PutAsync("api/resource/Clocked/zero-micros", new JsonObject { ["note"] = "a", ["modified"] = posted["modified"]!.DeepClone() }.ToJsonString());
        var current = await http.PutAsync("api/resource/Clocked/zero-micros", """{"note": "b", "modified": "2026-01-15 13:00:00"}""");

        stale.Status.ShouldBe(417);
        current.Status.ShouldBe(200);
        current.Data["modified"]!.GetValue<string>().ShouldBe("2026-01-15 13:00:01.500000");
    }

    [Fact]
    public async Task Put_ClockStopped_EverySaveStillMovesModified()
    {
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 15, 16, 0, 0, 5, TimeSpan.Zero));
        Site.Backdoor.Insert(DocType(), new JsonObject { ["title"] = "frozen" });
        var read = Site.Backdoor.Get(DocType(), "frozen")!["modified"]!.GetValue<string>();
        using var http = new SiteHttp(Site);

        var first = await http.PutAsync("api/resource/Clocked/frozen", new JsonObject { ["note"] = "a", ["modified"] = read }.ToJsonString());
        var stale = await http.PutAsync("api/resource/Clocked/frozen", new JsonObject { ["note"] = "b", ["modified"] = read }.ToJsonString());

        first.Status.ShouldBe(200);
        first.Data["modified"]!.GetValue<string>().ShouldBe("2026-01-15 17:00:00.005001");
        stale.Status.ShouldBe(417);
    }

    [Fact]
    public async Task TimeZone_SystemSettingsChanged_NewTimestampsFollow()
    {
        using var http = new SiteHttp(Site);
        fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 15, 14, 0, 0, 123, TimeSpan.Zero));

        var before = await http.GetAsync("api/method/frappe.client.get_time_zone");
        var changed = await http.PutAsync("api/resource/System%20Settings/System%20Settings", """{"time_zone": "Asia/Kolkata"}""");
        var after = await http.GetAsync("api/method/frappe.client.get_time_zone");
        var doc = Site.Backdoor.Insert(DocType(), new JsonObject { ["title"] = "in-kolkata" });
        await http.PutAsync("api/resource/System%20Settings/System%20Settings", """{"time_zone": "Europe/Berlin"}""");

        before.Json!["message"]!["time_zone"]!.GetValue<string>().ShouldBe("Europe/Berlin");
        changed.Data["idx"]!.GetValue<string>().ShouldBe("0");
        after.Json!["message"]!["time_zone"]!.GetValue<string>().ShouldBe("Asia/Kolkata");
        doc["creation"]!.GetValue<string>().ShouldStartWith("2026-01-15 19:30:00.123");
    }

    [Fact]
    public async Task SystemSettings_InvalidTimeZone_Refused()
    {
        using var http = new SiteHttp(Site);

        var response = await http.PutAsync("api/resource/System%20Settings/System%20Settings", """{"time_zone": "Mars/Olympus"}""");

        response.Status.ShouldBe(417);
        Site.Backdoor.TimeZone.ShouldBe("Europe/Berlin");
    }
}
