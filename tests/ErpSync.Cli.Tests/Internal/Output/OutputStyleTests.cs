using System.Text.Json;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Tests.Support;

namespace ErpSync.Cli.Tests.Internal.Output;

public sealed class OutputStyleTests
{
    private const char Escape = '\u001b';

    [Fact]
    public async Task Output_NotATerminal_IsPlainText()
    {
        using var folder = ConfigFiles.UnreachableFolder();

        var result = await ErpSyncCli.RunAsync(new CliOptions { Folder = folder.Path, Terminal = false }, "doctor");

        result.Out.ShouldNotContain(Escape);
        result.Out.ShouldContain("[OK] configuration: valid; 2 DocType(s): Customer, Item");
        result.Out.ShouldContain("[FAIL] cloud site: http://127.0.0.1:1: ");
        result.Out.ShouldContain("[SKIP] synced DocTypes: skipped: both sites must be reachable");
    }

    [Fact]
    public async Task Output_TerminalWithNoColor_IsPlainText()
    {
        using var folder = ConfigFiles.UnreachableFolder();

        var result = await ErpSyncCli.RunAsync(new CliOptions
        {
            Folder = folder.Path,
            Terminal = true,
            Environment = new Dictionary<string, string> { ["NO_COLOR"] = "1" },
        }, "doctor");

        result.Out.ShouldNotContain(Escape);
        result.Out.ShouldContain("[OK] configuration");
    }

    [Fact]
    public async Task Output_TerminalWithDumbTerm_IsPlainText()
    {
        using var folder = ConfigFiles.UnreachableFolder();

        var result = await ErpSyncCli.RunAsync(new CliOptions
        {
            Folder = folder.Path,
            Terminal = true,
            Environment = new Dictionary<string, string> { ["TERM"] = "dumb" },
        }, "doctor");

        result.Out.ShouldNotContain(Escape);
    }

    [Fact]
    public async Task Output_Terminal_IsColouredWithMarks()
    {
        using var folder = ConfigFiles.UnreachableFolder();

        var result = await ErpSyncCli.RunAsync(new CliOptions { Folder = folder.Path, Terminal = true }, "doctor");

        result.Out.ShouldContain(Escape);
        result.Out.ShouldContain("✓");
        result.Out.ShouldNotContain("[OK]");
    }

    [Fact]
    public async Task DoctorJson_ParsesAndHasTheDocumentedShape()
    {
        using var folder = ConfigFiles.UnreachableFolder();

        var result = await ErpSyncCli.RunAsync(new CliOptions { Folder = folder.Path, Terminal = true }, "doctor", "--json");

        result.ExitCode.ShouldBe(1, "the sites refuse connections");
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("ok").GetBoolean().ShouldBeFalse();
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        checks.ShouldAllBe(c => c.GetProperty("name").GetString()!.Length > 0);
        var configuration = checks.Single(c => c.GetProperty("name").GetString() == "configuration");
        configuration.GetProperty("status").GetString().ShouldBe("ok");
        configuration.GetProperty("fix").ValueKind.ShouldBe(JsonValueKind.Null);
        checks.Single(c => c.GetProperty("name").GetString() == "cloud_site").GetProperty("status").GetString().ShouldBe("fail");
        checks.Single(c => c.GetProperty("name").GetString() == "schema_drift").GetProperty("status").GetString().ShouldBe("skip");
        result.Out.ShouldNotContain(Escape);
        result.Error.ShouldContain("check(s) failed; see the fixes above");
    }

    [Fact]
    public async Task DoctorJson_BrokenConfiguration_ReportsEachProblemAsAFailedCheck()
    {
        using var folder = ConfigFiles.UnreachableFolder();
        folder.Write(".env", "CLOUD_ERP_URL=erp.example.com\n");

        var result = await ErpSyncCli.RunAsync(folder.Path, "doctor", "--json");

        result.ExitCode.ShouldBe(1);
        using var json = JsonDocument.Parse(result.Out);
        var failed = json.RootElement.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "fail").ToList();
        failed.Count.ShouldBe(7);
        failed.ShouldContain(c => c.GetProperty("message").GetString()!.Contains("CLOUD_ERP_URL: has no http://", StringComparison.Ordinal));
        failed.ShouldAllBe(c => c.GetProperty("fix").GetString()!.Length > 0);
        result.Error.ShouldContain("error: 7 check(s) failed");
    }

    [Fact]
    public void PlainTable_AlignsColumnsAndRightAlignsNumbers()
    {
        var view = new TableView(
            ["DocType", "Tracked", "Errors"],
            [["Customer", "1500", "3"], ["Sales Order", "42", "0"]],
            Title: "Per DocType",
            RightAligned: new HashSet<int> { 1, 2 });

        var text = CliOutput.PlainTable(view);

        text.ShouldBe("""
            Per DocType
            DocType      Tracked  Errors
            -----------  -------  ------
            Customer        1500       3
            Sales Order       42       0

            """.ReplaceLineEndings(Environment.NewLine));
    }

    [Fact]
    public void RichTable_RendersWithBorders()
    {
        using var output = new StringWriter();
        var cli = new CliOutput(new CliConsole(output, TextWriter.Null, true, true, 80), OutputStyle.Rich);

        cli.Table(new TableView(["DocType", "Tracked"], [["Customer", "1500"]]));

        output.ToString().ShouldContain("╭");
        output.ToString().ShouldContain("Customer");
    }

    [Theory]
    [InlineData(false, null, null, false)]
    [InlineData(true, null, null, true)]
    [InlineData(true, "1", null, false)]
    [InlineData(true, "", null, true)]
    [InlineData(true, null, "dumb", false)]
    [InlineData(true, null, "xterm-256color", true)]
    public void For_TerminalAndEnvironment_PicksTheStyle(bool terminal, string? noColor, string? term, bool rich)
    {
        var environment = new Dictionary<string, string>();
        if (noColor is not null) environment["NO_COLOR"] = noColor;
        if (term is not null) environment["TERM"] = term;

        OutputStyles.For(terminal, environment).ShouldBe(rich ? OutputStyle.Rich : OutputStyle.Plain);
    }
}
