using ErpSync.Cli.Configuration;

namespace ErpSync.Cli.Tests.Configuration;

public sealed class EnvFileTests
{
    [Fact]
    public void Parse_WhatDotenvUsersWrite_ReadsEveryForm()
    {
        const string text = "\uFEFF# comment line\r\n" +
            "\n" +
            "PLAIN=value\n" +
            "   SPACED  =  padded value   \n" +
            "export EXPORTED=yes\n" +
            "INLINE=abc # a note\n" +
            "HASH=abc#not-a-comment\n" +
            "SINGLE='it is $HOME # kept'\n" +
            "DOUBLE=\"line1\\nline2 \\\"quoted\\\" # kept\" # dropped\n" +
            "MULTI=\"first\n" +
            "second\"\n" +
            "EMPTY=\n" +
            "EQUALS=a=b=c\n";

        var file = EnvFile.Parse(text, "/x/.env");

        file.Errors.ShouldBeEmpty();
        var values = file.Entries.ToDictionary(e => e.Key, e => e.Value.Value);
        values["PLAIN"].ShouldBe("value");
        values["SPACED"].ShouldBe("padded value");
        values["EXPORTED"].ShouldBe("yes");
        values["INLINE"].ShouldBe("abc");
        values["HASH"].ShouldBe("abc#not-a-comment");
        values["SINGLE"].ShouldBe("it is $HOME # kept");
        values["DOUBLE"].ShouldBe("line1\nline2 \"quoted\" # kept");
        values["MULTI"].ShouldBe("first\nsecond");
        values["EMPTY"].ShouldBe("");
        values["EQUALS"].ShouldBe("a=b=c");
        file.Entries["PLAIN"].Line.ShouldBe(3);
    }

    [Fact]
    public void Parse_SingleQuotes_AreLiteral()
    {
        var file = EnvFile.Parse("A='x\\ny $B # c'\n", "/x/.env");

        file.Entries["A"].Value.ShouldBe("x\\ny $B # c");
    }

    [Fact]
    public void Parse_KeySetTwice_KeepsTheLastWithAWarning()
    {
        var file = EnvFile.Parse("A=1\nA=2\n", "/x/.env");

        file.Entries["A"].Value.ShouldBe("2");
        file.Warnings.ShouldHaveSingleItem().ShouldBe("/x/.env: A is set on line 1 and again on line 2; the later one is used");
    }

    [Theory]
    [InlineData("just-a-secret-pasted-here", "/x/.env:1: line 1: expected KEY=value.")]
    [InlineData("1BAD=secret-value-1234", "/x/.env:1: line 1: the name before '=' is not a valid variable name.")]
    [InlineData("A=\"secret-value-1234", "/x/.env:1: A: the double quote is never closed.")]
    [InlineData("A='secret-value-1234", "/x/.env:1: A: the single quote is never closed.")]
    [InlineData("A=\"secret-value-1234\" extra", "/x/.env:1: A: unexpected text after the closing double quote.")]
    public void Parse_BadLine_NamesTheLineAndNeverTheValue(string line, string expected)
    {
        var file = EnvFile.Parse(line, "/x/.env");

        var error = file.Errors.ShouldHaveSingleItem().ToString();
        error.ShouldStartWith(expected);
        error.ShouldNotContain("secret-value");
        error.ShouldNotContain("just-a-secret");
    }

    [Fact]
    public void Entry_ToString_HidesTheValue()
    {
        var file = EnvFile.Parse("CLOUD_API_SECRET=hunter2-hunter2\n", "/x/.env");

        file.Entries["CLOUD_API_SECRET"].ToString().ShouldBe("CLOUD_API_SECRET (line 1)");
    }
}
