using ErpSync.Core.Sites;
using ErpSync.Frappe.DependencyInjection;
using ErpSync.Frappe.Tests.Transcripts;
using ErpSync.Frappe.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSync.Frappe.Tests.DependencyInjection;

public sealed class FrappeServiceCollectionExtensionsTests
{
    [Fact]
    public void AddFrappeSite_BothSites_ResolvesKeyedClientsAndAccessor()
    {
        var services = new ServiceCollection()
            .AddFrappeSite(SiteName.Cloud, TestSites.Options(new Uri("http://cloud.test/")))
            .AddFrappeSite(SiteName.Local, TestSites.Options(new Uri("http://local.test/"), SiteName.Local));
        using var provider = services.BuildServiceProvider();

        var sites = provider.GetRequiredService<IFrappeSites>();

        sites.Cloud.BaseUrl.ShouldBe(new Uri("http://cloud.test/"));
        sites.Local.Site.ShouldBe(SiteName.Local);
        provider.GetRequiredKeyedService<IFrappeSite>(SiteName.Cloud).ShouldBeSameAs(sites.Cloud);
        provider.GetRequiredKeyedService<IFrappeWebhooks>(SiteName.Local).ShouldBeSameAs(sites.Local);
        sites[SiteName.Cloud].ShouldBeSameAs(sites.Cloud);
        provider.GetRequiredService<IHttpClientFactory>().CreateClient(FrappeServiceCollectionExtensions.HttpClientName(SiteName.Cloud)).Timeout.ShouldBe(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public void AddFrappeSite_OptionsForOtherSite_Refused()
    {
        Should.Throw<ArgumentException>(() => new ServiceCollection().AddFrappeSite(SiteName.Local, TestSites.Options()))
            .Message.ShouldContain("options are for the cloud site but are registered as local");
    }

    [Fact]
    public void IFrappeSites_SiteNotRegistered_SaysHowToFix()
    {
        using var provider = new ServiceCollection().AddFrappeSite(SiteName.Cloud, TestSites.Options()).BuildServiceProvider();

        Should.Throw<InvalidOperationException>(() => provider.GetRequiredService<IFrappeSites>().Local).Message.ShouldContain("AddFrappeSite(SiteName.Local");
    }
}
