using ErpSync.Frappe.Errors;

namespace ErpSync.Frappe.Tests.Errors;

public sealed class FrappeErrorBodyTests
{
    [Theory]
    [InlineData("frappe.exceptions.DuplicateEntryError: ('Sync Customer', 'Acme Corp', IntegrityError(1062, ...))", "DuplicateEntryError")]
    [InlineData("frappe.exceptions.AuthenticationError", "AuthenticationError")]
    [InlineData("json.decoder.JSONDecodeError: Expecting value: line 1 column 50 (char 49)", "JSONDecodeError")]
    [InlineData("TimestampMismatchError: Error: Document has been modified", "TimestampMismatchError")]
    [InlineData("Error: No module named 'frappe.core.doctype.no_such_doctype'", null)]
    [InlineData("", null)]
    public void ExcTypeFromException_V14Lines_ReadsTheClassName(string exception, string? expected)
    {
        FrappeErrorBody.ExcTypeFromException(exception).ShouldBe(expected);
    }

    [Fact]
    public void ServerMessages_DoubleEncodedWithHtml_DecodesToPlainText()
    {
        var messages = ServerMessages.Decode("[\"{\\\"message\\\": \\\"Sync Customer <strong>A &amp; B</strong>\\\\n already exists\\\", \\\"title\\\": \\\"Duplicate Name\\\", \\\"indicator\\\": \\\"red\\\"}\"]");

        ServerMessages.HumanText(messages).ShouldBe("Sync Customer A & B already exists");
    }

    [Fact]
    public void ServerMessages_NotDoubleEncoded_KeptAsText()
    {
        ServerMessages.HumanText(ServerMessages.Decode("plain words")).ShouldBe("plain words");
    }
}
