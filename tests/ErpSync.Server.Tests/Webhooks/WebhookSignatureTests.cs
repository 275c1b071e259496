using System.Text;
using ErpSync.Server.Tests.Support;
using ErpSync.Server.Webhooks;

namespace ErpSync.Server.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // frappe-api.md §9.4: computed with Python's json/hmac.
    private const string ReferenceBody = "{\"id\": \"ACME\", \"ts\": \"2025-11-18 10:31:02.004711\"}";
    private const string ReferenceSignature = "wiS+um/gqVsma4Brp632O7uk9moormqC0Jr/LpYAgWI=";

    [Fact]
    public void Sign_ReferenceVector_MatchesFrappe() =>
        new WebhookSignature("s3cr3t").Sign(Encoding.UTF8.GetBytes(ReferenceBody)).ShouldBe(ReferenceSignature);

    [Fact]
    public void Verify_ReferenceVector_Accepts() =>
        new WebhookSignature("s3cr3t").Verify(Encoding.UTF8.GetBytes(ReferenceBody), ReferenceSignature).ShouldBeTrue();

    [Fact]
    public void Verify_EveryRecordedFrappeDelivery_AcceptsBase64AndHex()
    {
        var signed = Transcripts.Deliveries().Where(d => d["signature_check"]?["secret_used"] is not null).ToList();
        signed.Count.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var delivery in signed)
        {
            var check = delivery["signature_check"]!;
            var body = Encoding.UTF8.GetBytes((string)delivery["body_raw"]!);
            var signature = new WebhookSignature((string)check["secret_used"]!);
            signature.Verify(body, (string)delivery["headers"]!["X-Frappe-Webhook-Signature"]!).ShouldBeTrue();
            signature.Verify(body, (string)check["hmac_sha256_of_raw_body_hex"]!).ShouldBeTrue();
            signature.Sign(body).ShouldBe((string)check["hmac_sha256_of_raw_body_base64"]!);
        }
    }

    [Theory]
    [InlineData("wiS+um/gqVsma4Brp632O7uk9moormqC0Jr/LpYAgWI")]
    [InlineData("sha256=wiS+um/gqVsma4Brp632O7uk9moormqC0Jr/LpYAgWI=")]
    [InlineData("  wiS+um/gqVsma4Brp632O7uk9moormqC0Jr/LpYAgWI=  ")]
    public void Verify_UnpaddedPrefixedOrSpacedBase64_Accepts(string header) =>
        new WebhookSignature("s3cr3t").Verify(Encoding.UTF8.GetBytes(ReferenceBody), header).ShouldBeTrue();

    [Fact]
    public void Verify_UpperCaseHex_Accepts()
    {
        var hex = Convert.ToHexString(Convert.FromBase64String(ReferenceSignature));
        new WebhookSignature("s3cr3t").Verify(Encoding.UTF8.GetBytes(ReferenceBody), hex).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a signature")]
    [InlineData("wiS+um/gqVsma4Brp632O7uk9moormqC0Jr/LpYAgWI=x")]
    [InlineData("wiS+um/gqVsma4Brp632O7uk9moo")]
    [InlineData("xiS+um/gqVsma4Brp632O7uk9moormqC0Jr/LpYAgWI=")]
    public void Verify_MissingMalformedTruncatedOrWrong_Refuses(string? header) =>
        new WebhookSignature("s3cr3t").Verify(Encoding.UTF8.GetBytes(ReferenceBody), header).ShouldBeFalse();

    [Fact]
    public void Verify_OtherSecret_Refuses() =>
        new WebhookSignature("s3cr3t-2").Verify(Encoding.UTF8.GetBytes(ReferenceBody), ReferenceSignature).ShouldBeFalse();

    [Fact]
    public void Verify_BodyReserialisedWithCompactSeparators_Refuses()
    {
        // The MAC is over the raw bytes Frappe sent (Python's ", " and ": "); re-serialised JSON must not match.
        var compact = "{\"id\":\"ACME\",\"ts\":\"2025-11-18 10:31:02.004711\"}";
        new WebhookSignature("s3cr3t").Verify(Encoding.UTF8.GetBytes(compact), ReferenceSignature).ShouldBeFalse();
    }
}
