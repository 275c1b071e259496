using System.Net.Http.Headers;
using ErpSync.Emulator;

namespace ErpSync.TestKit.Emulation;

/// <summary>HTTP helpers for tests talking to an emulated site.</summary>
public static class EmulatedSiteExtensions
{
    /// <summary>An HttpClient for the site's base URL, authenticated as its API user, without cookies.</summary>
    public static HttpClient CreateClient(this EmulatedSite site)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = site.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", $"{site.ApiKey}:{site.ApiSecret}");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>The value of an <c>Authorization</c> header for the site's API user.</summary>
    public static string AuthorizationHeader(this EmulatedSite site) => $"token {site.ApiKey}:{site.ApiSecret}";
}
