using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Naming;
using ErpSync.Core.Sites;
using ErpSync.Core.Tests.Fixtures;

namespace ErpSync.Core.Tests.Canonical;

public sealed class CanonicalizerTests
{
    [Fact]
    public void Canonicalize_SalesOrderFromGet_DropsSystemFieldsAndRowIdentity()
    {
        var canonical = Canon.Of(Docs.SalesOrder(), ErpNextMeta.SalesOrder);
        var content = canonical.Content;

        foreach (var key in new[] { "name", "owner", "creation", "modified", "modified_by", "idx", "docstatus", "doctype", "naming_series" })
            content.ContainsKey(key).ShouldBeFalse(key);
        var row = content["items"]!.AsArray()[0]!.AsObject();
        foreach (var key in new[] { "name", "parent", "parenttype", "parentfield", "idx", "owner", "creation", "modified", "modified_by", "doctype", "docstatus" })
            row.ContainsKey(key).ShouldBeFalse(key);
        row["item_code"]!.GetValue<string>().ShouldBe("ITEM-001");
        content["grand_total"]!.ToJsonString().ShouldBe("45.5");
    }

    [Fact]
    public void Canonicalize_Keys_AreSortedOrdinallyAtEveryDepth()
    {
        var json = Canon.Of(Docs.SalesOrder(), ErpNextMeta.SalesOrder).Json;

        json.ShouldStartWith("{\"conversion_rate\":1,\"currency\":\"INR\",\"customer\":");
        json.ShouldContain("{\"amount\":20,\"delivered_qty\":0,\"item_code\":\"ITEM-001\",\"item_name\":\"Widget\",\"qty\":2,\"rate\":10,\"uom\":\"Nos\"}");
    }

    [Fact]
    public void Canonicalize_PostResponseWithNullsAndUnsavedRows_HashesLikeGetResponse()
    {
        var get = Docs.SalesOrder();
        var post = Docs.SalesOrder();
        post["amended_from"] = null;
        post["po_no"] = null;
        post["letter_head"] = "";
        foreach (var row in post["items"]!.AsArray())
            row!["__unsaved"] = 1;

        Canon.Of(post, ErpNextMeta.SalesOrder).Hash.ShouldBe(Canon.Of(get, ErpNextMeta.SalesOrder).Hash);
    }

    [Theory]
    [InlineData("118", "118.0")]
    [InlineData("118.0", "\"118.00\"")]
    [InlineData("0.1", "\"0.10\"")]
    [InlineData("1e2", "100")]
    [InlineData("-0.0", "0")]
    [InlineData("null", "0")]
    public void Canonicalize_CurrencyFormats_CompareAsDecimals(string left, string right)
    {
        var a = Docs.SalesOrder();
        var b = Docs.SalesOrder();
        a["grand_total"] = JsonNode.Parse(left);
        b["grand_total"] = JsonNode.Parse(right);

        Canon.Of(a, ErpNextMeta.SalesOrder).Hash.ShouldBe(Canon.Of(b, ErpNextMeta.SalesOrder).Hash);
    }

    [Fact]
    public void Canonicalize_DecimalPrecision_IsNotLostThroughDouble()
    {
        var a = Docs.SalesOrder();
        var b = Docs.SalesOrder();
        a["grand_total"] = JsonNode.Parse("1234567890123.4567891");
        b["grand_total"] = JsonNode.Parse("1234567890123.4567892");

        Canon.Of(a, ErpNextMeta.SalesOrder).Hash.ShouldNotBe(Canon.Of(b, ErpNextMeta.SalesOrder).Hash);
        Canon.Of(a, ErpNextMeta.SalesOrder).Json.ShouldContain("\"grand_total\":1234567890123.4567891");
    }

    [Theory]
    [InlineData("1", "true")]
    [InlineData("0", "false")]
    [InlineData("0", "null")]
    [InlineData("1", "\"1\"")]
    public void Canonicalize_CheckForms_FoldToZeroOrOne(string left, string right)
    {
        var a = Docs.Customer();
        var b = Docs.Customer();
        a["disabled"] = JsonNode.Parse(left);
        b["disabled"] = JsonNode.Parse(right);

        Canon.Of(a, ErpNextMeta.Customer).Json.ShouldBe(Canon.Of(b, ErpNextMeta.Customer).Json);
    }

    [Fact]
    public void Canonicalize_IntFromFloatText_IsInteger()
    {
        var a = Docs.Item();
        a["shelf_life_in_days"] = JsonNode.Parse("5.0");

        Canon.Of(a, ErpNextMeta.Item).Json.ShouldContain("\"shelf_life_in_days\":5,");
    }

    [Theory]
    [InlineData("2026-11-22 04:26:30", "2026-11-22 04:26:30.000000")]
    [InlineData("2026-11-22 04:26:30.5", "2026-11-22T04:26:30.500000")]
    public void Canonicalize_DatetimeFormats_AreOneValue(string left, string right)
    {
        var a = Docs.SalesOrder();
        var b = Docs.SalesOrder();
        a["expected_at"] = left;
        b["expected_at"] = right;

        Canon.Of(a, ErpNextMeta.SalesOrder).Json.ShouldBe(Canon.Of(b, ErpNextMeta.SalesOrder).Json);
    }

    [Fact]
    public void Canonicalize_Datetime_KeepsMicrosecondsOnlyWhenNonZero()
    {
        var a = Docs.SalesOrder();
        a["expected_at"] = "2026-11-22T04:26:30.726203";

        Canon.Of(a, ErpNextMeta.SalesOrder)["expected_at"]!.GetValue<string>().ShouldBe("2026-11-22 04:26:30.726203");
    }

    [Theory]
    [InlineData("9:05:00", "09:05:00")]
    [InlineData("9:05", "09:05:00.000000")]
    [InlineData("17:30:15.250000", "17:30:15.25")]
    public void Canonicalize_TimeFormats_AreOneValue(string left, string right)
    {
        var a = Docs.SalesOrder();
        var b = Docs.SalesOrder();
        a["delivery_window"] = left;
        b["delivery_window"] = right;

        Canon.Of(a, ErpNextMeta.SalesOrder).Json.ShouldBe(Canon.Of(b, ErpNextMeta.SalesOrder).Json);
    }

    [Fact]
    public void Canonicalize_EmptyTextAndMissingText_AreOneValue()
    {
        var a = Docs.Customer();
        var b = Docs.Customer();
        a["tax_id"] = "";
        b.Remove("tax_id");

        Canon.Of(a, ErpNextMeta.Customer).Hash.ShouldBe(Canon.Of(b, ErpNextMeta.Customer).Hash);
    }

    [Fact]
    public void Canonicalize_ReadOnlyComputedField_IsContent()
    {
        var a = Docs.SalesOrder();
        var b = Docs.SalesOrder();
        b["grand_total"] = 46.0;

        Canon.Of(a, ErpNextMeta.SalesOrder).Hash.ShouldNotBe(Canon.Of(b, ErpNextMeta.SalesOrder).Hash);
    }

    [Fact]
    public void Canonicalize_PasswordAndUnknownKeys_AreNotContent()
    {
        var a = Docs.Customer();
        var b = Docs.Customer();
        b["api_password"] = "*********";
        b["not_in_meta"] = "x";
        b["__onload"] = new JsonObject { ["x"] = 1 };

        Canon.Of(a, ErpNextMeta.Customer).Hash.ShouldBe(Canon.Of(b, ErpNextMeta.Customer).Hash);
    }

    [Fact]
    public void Canonicalize_ChildRowsOutOfIdxOrder_AreSortedByIdx()
    {
        var a = Docs.SalesOrder();
        var b = Docs.SalesOrder();
        var items = b["items"]!.AsArray();
        var first = items[0]!.DeepClone();
        items.RemoveAt(0);
        items.Add(first);

        Canon.Of(a, ErpNextMeta.SalesOrder).Hash.ShouldBe(Canon.Of(b, ErpNextMeta.SalesOrder).Hash);
    }

    [Fact]
    public void Canonicalize_ChildRowOrderChange_ChangesHash()
    {
        var a = Docs.SalesOrder();
        var b = Docs.SalesOrder();
        b["items"]!.AsArray()[0]!["idx"] = 3;

        Canon.Of(a, ErpNextMeta.SalesOrder).Hash.ShouldNotBe(Canon.Of(b, ErpNextMeta.SalesOrder).Hash);
    }

    [Fact]
    public void Canonicalize_MissingTable_EqualsEmptyTable()
    {
        var a = Docs.SalesOrder();
        var b = Docs.SalesOrder();
        b.Remove("sales_team");

        Canon.Of(a, ErpNextMeta.SalesOrder).Hash.ShouldBe(Canon.Of(b, ErpNextMeta.SalesOrder).Hash);
    }

    [Fact]
    public void Canonicalize_ChildTableWithoutMeta_KeepsNonIdentityKeysGenerically()
    {
        var meta = ErpNextMeta.SalesOrder with { Children = new Dictionary<string, DocTypeMeta>() };
        var a = Docs.SalesOrder();
        var b = Docs.SalesOrder();
        b["items"]!.AsArray()[0]!["qty"] = 2; // 2.0 in a; numbers still compare as decimals

        var ca = Canon.Of(a, meta);
        ca.Hash.ShouldBe(Canon.Of(b, meta).Hash);
        ca["items"]![0]!.AsObject().ContainsKey("name").ShouldBeFalse();
    }

    [Fact]
    public void Canonicalize_JsonField_IsComparedAfterReserialisation()
    {
        var meta = ErpNextMeta.Item with { Fields = [.. ErpNextMeta.Item.Fields, ErpNextMeta.F("attributes", "JSON")] };
        var a = Docs.Item();
        var b = Docs.Item();
        a["attributes"] = "{\"b\": 1, \"a\": [1, 2.0]}";
        b["attributes"] = new JsonObject { ["a"] = new JsonArray(1, 2), ["b"] = 1 };

        Canon.Of(a, meta).Hash.ShouldBe(Canon.Of(b, meta).Hash);
    }

    [Fact]
    public void Canonicalize_UnparseableValues_AreKeptAsTextDeterministically()
    {
        var a = Docs.SalesOrder();
        a["grand_total"] = "abc";
        a["transaction_date"] = "21/11/2026";

        var canonical = Canon.Of(a, ErpNextMeta.SalesOrder);

        canonical["grand_total"]!.GetValue<string>().ShouldBe("abc");
        canonical["transaction_date"]!.GetValue<string>().ShouldBe("21/11/2026");
        canonical.Hash.ShouldBe(Canon.Of(a, ErpNextMeta.SalesOrder).Hash);
    }

    [Fact]
    public void Hash_IsLowercaseSha256OfCanonicalJson()
    {
        var canonical = CanonicalDocument.FromContent(new JsonObject { ["a"] = 1 });

        canonical.Json.ShouldBe("{\"a\":1}");
        canonical.Hash.ShouldBe("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
    }

    [Fact]
    public void Parse_StoredSnapshot_RoundTripsExactly()
    {
        var canonical = Canon.Of(Docs.SalesOrder(), ErpNextMeta.SalesOrder);

        var reparsed = CanonicalDocument.Parse(canonical.Json);

        reparsed.Json.ShouldBe(canonical.Json);
        reparsed.Hash.ShouldBe(canonical.Hash);
    }

    [Fact]
    public void Parse_NotAnObject_ThrowsFormatException() =>
        Should.Throw<FormatException>(() => CanonicalDocument.Parse("[1,2]"));

    [Fact]
    public void Canonicalize_NonAsciiText_IsWrittenReadably()
    {
        var doc = Docs.Customer();
        doc["customer_name"] = "Müller & Söhne \"GmbH\"";

        Canon.Of(doc, ErpNextMeta.Customer).Json.ShouldContain("\"customer_name\":\"Müller & Söhne \\\"GmbH\\\"\"");
    }
}
