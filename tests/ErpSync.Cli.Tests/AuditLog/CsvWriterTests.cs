using ErpSync.Cli.AuditLog;

namespace ErpSync.Cli.Tests.AuditLog;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    public void Field_QuotesOnlyWhatRfc4180Requires(string? value, string expected) => CsvWriter.Field(value).ShouldBe(expected);

    [Fact]
    public void WriteRecord_EndsEveryRecordWithCrLf()
    {
        using var writer = new StringWriter();
        CsvWriter.WriteRecord(writer, ["1", null, "x,y"]);
        writer.ToString().ShouldBe("1,,\"x,y\"\r\n");
    }
}
