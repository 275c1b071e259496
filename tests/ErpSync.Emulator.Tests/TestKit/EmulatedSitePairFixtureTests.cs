using System.Text.Json.Nodes;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests.TestKit;

public sealed class EmulatedSitePairFixtureTests(EmulatedSitePairFixture pair) : IClassFixture<EmulatedSitePairFixture>
{
    [Fact]
    public async Task Pair_TwoSites_IndependentDataKeysAndZones()
    {
        using var cloud = pair.Cloud.CreateClient();
        using var local = pair.Local.CreateClient();

        pair.Cloud.Backdoor.Insert("UOM", new JsonObject { ["uom_name"] = "Cloud Only" });

        (await cloud.GetAsync("api/resource/UOM/Cloud%20Only", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await local.GetAsync("api/resource/UOM/Cloud%20Only", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        pair.Cloud.BaseUrl.ShouldNotBe(pair.Local.BaseUrl);
        pair.Cloud.ApiKey.ShouldNotBe(pair.Local.ApiKey);
        pair.Cloud.Backdoor.TimeZone.ShouldBe("Asia/Kolkata");
        pair.Local.Backdoor.TimeZone.ShouldBe("Europe/Berlin");
    }

    [Fact]
    public async Task Pair_OtherSitesCredentials_Refused()
    {
        using var http = new HttpClient { BaseAddress = pair.Local.BaseUrl };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", pair.Cloud.AuthorizationHeader());

        var response = await http.GetAsync("api/method/frappe.auth.get_logged_user", TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(401);
    }
}
