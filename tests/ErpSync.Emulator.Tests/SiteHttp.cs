using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ErpSync.Emulator;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Emulator.Tests;

/// <summary>A raw HTTP client for an emulated site: sends exactly what the test says, returns status and parsed body.</summary>
internal sealed class SiteHttp(EmulatedSite site) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = site.BaseUrl };

    public async Task<SiteResponse> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json",
        string? authorization = "default")
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization == "default" ? site.AuthorizationHeader() : authorization);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonNode? json = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0)
            json = JsonNode.Parse(text);
        return new SiteResponse((int)response.StatusCode, json, text, response.Headers, response.Content.Headers);
    }

    public Task<SiteResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<SiteResponse> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<SiteResponse> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);

    public Task<SiteResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public void Dispose() => _client.Dispose();
}

/// <summary>A response: status, parsed JSON (null for non-JSON), raw text and headers.</summary>
internal sealed record SiteResponse(int Status, JsonNode? Json, string Text, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JsonObject Data => Json!["data"]!.AsObject();

    /// <summary>The decoded <c>_server_messages</c> texts.</summary>
    public IReadOnlyList<string> ServerMessages =>
        Json?["_server_messages"] is { } raw
            ? JsonNode.Parse(raw.GetValue<string>())!.AsArray().Select(m => JsonNode.Parse(m!.GetValue<string>())!["message"]!.GetValue<string>()).ToList()
            : [];
}
