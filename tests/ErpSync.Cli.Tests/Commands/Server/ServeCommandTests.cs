using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ErpSync.Cli.Tests.Support;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Cli.Tests.Commands.Server;

public sealed partial class ServeCommandTests(EmulatedSitePairFixture sites) : IClassFixture<EmulatedSitePairFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_SignedWebhook_AppliedToOtherSiteAndStopsCleanly()
    {
        using var folder = SitePairFolder.Create(sites.Pair, ["Customer"]);
        var name = sites.Cloud.Backdoor.Insert("Customer", new JsonObject
        {
            ["customer_name"] = "Serve Test Traders",
            ["customer_group"] = "Commercial",
            ["territory"] = "India",
        })["name"]!.GetValue<string>();

        var (serve, ready) = await RunningCli.StartAsync(folder.Path, " listening on ", "serve", "--port", "0");
        await using var _ = serve;
        var port = int.Parse(ListeningPort().Match(ready).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        serve.Output.ToString().ShouldContain($"Cloud ERP -> http://127.0.0.1:{port}/webhook/cloud");
        serve.Output.ToString().ShouldContain("Signatures: enforced");
        serve.Output.ToString().ShouldNotContain(SitePairFolder.WebhookSecret);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var body = Encoding.UTF8.GetBytes($$"""{"doctype": "Customer", "name": "{{name}}", "action": "on_update"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhook/cloud") { Content = new ByteArrayContent(body) };
        // Frappe's signature: base64 of HMAC-SHA256 of the raw body with the webhook secret.
        request.Headers.TryAddWithoutValidation("X-Frappe-Webhook-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SitePairFolder.WebhookSecret), body)));
        using var response = await http.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        await WaitUntilAsync(() => sites.Local.Backdoor.Exists("Customer", name), "the customer to reach the local site");
        var exit = await serve.StopAsync();

        exit.ShouldBe(0, serve.ToString());
        serve.Output.ToString().ShouldContain("stopped.");
        (await IsListeningAsync(port)).ShouldBeFalse();
        Directory.GetFiles(folder.Path, "erpsync*.log").ShouldNotBeEmpty();
        string.Concat(Directory.GetFiles(folder.Path, "erpsync*.log").Select(ReadShared)).ShouldNotContain(SitePairFolder.WebhookSecret);
    }

    [Fact]
    public async Task Serve_UnsignedWebhook_IsRefusedAndNothingQueued()
    {
        using var folder = SitePairFolder.Create(sites.Pair, ["Customer"]);
        var (serve, ready) = await RunningCli.StartAsync(folder.Path, " listening on ", "webhook", "--port", "0");
        await using var _ = serve;
        var port = ListeningPort().Match(ready).Groups[1].Value;

        using var http = new HttpClient();
        using var response = await http.PostAsync(
            new Uri($"http://127.0.0.1:{port}/webhook/local"), new StringContent("""{"doctype": "Customer", "name": "Nobody"}"""), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await serve.StopAsync()).ShouldBe(0, serve.ToString());
    }

    [Fact]
    public async Task Serve_PortAlreadyTaken_FailsWithOneClearLine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var folder = SitePairFolder.Create(sites.Pair, ["Customer"], port: port);

        var result = await ErpSyncCli.RunAsync(folder.Path, "serve");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain($"error: cannot listen on 127.0.0.1:{port}");
        result.Error.ShouldContain("WEBHOOK_PORT");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Serve_MissingWebhookSecret_RefusedBeforeStarting()
    {
        using var folder = SitePairFolder.Create(sites.Pair, ["Customer"]);
        folder.Write(".env", string.Join('\n', File.ReadAllLines(folder.File(".env")).Where(l => !l.StartsWith("WEBHOOK_SECRET", StringComparison.Ordinal))));

        var result = await ErpSyncCli.RunAsync(folder.Path, "serve", "--port", "0");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("WEBHOOK_SECRET");
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(20, Ct);
        }
    }

    internal static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, Ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"listening on [^:]+:(\d+)")]
    private static partial Regex ListeningPort();
}
