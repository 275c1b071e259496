using System.Text.Json.Nodes;
using ErpSync.Core.Sites;
using ErpSync.Frappe.Tests.Transcripts;

namespace ErpSync.Frappe.Tests.Errors;

public sealed class UnexpectedAnswerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_NotFoundHtmlPage_IsAnErrorNotAMissingDocument()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(404, "<html><h1>Not Found</h1></html>"));

        var ex = await Should.ThrowAsync<FrappeServerException>(() => client.GetAsync("Sync Customer", "X", Ct));

        ex.StatusCode.ShouldBe(404);
        ex.Message.ShouldContain("not Frappe's JSON");
        ex.Message.ShouldContain("check that the site URL points at the Frappe site itself");
    }

    [Fact]
    public async Task GetAsync_GarbageSuccessBody_ThrowsServerWithStatusAndFirstBytesScrubbed()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(200, $"oops {TestSites.Secret} \u0001 not json"));

        var ex = await Should.ThrowAsync<FrappeServerException>(() => client.GetAsync("Sync Customer", "X", Ct));

        ex.StatusCode.ShouldBe(200);
        ex.Message.ShouldContain("the body is not JSON");
        ex.Message.ShouldContain("oops ***");
        ex.Message.ShouldNotContain(TestSites.Secret);
        ex.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public async Task InsertAsync_SuccessWithoutDocument_ThrowsServer()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(200, """{"message":"ok"}"""));

        var ex = await Should.ThrowAsync<FrappeServerException>(() => client.InsertAsync("Sync Customer", new JsonObject(), Ct));

        ex.Message.ShouldContain("without a document");
    }

    [Fact]
    public async Task GetAsync_Redirect_IsNotFollowedAndNamesTheTarget()
    {
        var handler = new ScriptedHandler().Then(301, "", ("Location", "https://site1.test/api/resource/Sync%20Customer/X"));
        using var client = TestSites.Client(handler);

        var ex = await Should.ThrowAsync<FrappeServerException>(() => client.GetAsync("Sync Customer", "X", Ct));

        ex.Message.ShouldContain("a redirect to https://site1.test/api/resource/Sync%20Customer/X; set the site URL");
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_EmptyErrorBody_NamesTheStatus()
    {
        using var client = TestSites.Client(new ScriptedHandler().Then(500, ""));

        var ex = await Should.ThrowAsync<FrappeServerException>(() => client.GetAsync("Sync Customer", "X", Ct));

        ex.Message.ShouldContain("HTTP 500 Internal Server Error and an empty body");
    }
}
