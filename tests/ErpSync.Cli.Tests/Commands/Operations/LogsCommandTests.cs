using System.Text.Json;
using ErpSync.Cli.AuditLog;
using ErpSync.Cli.Tests.Support;
using ErpSync.Core.State;

namespace ErpSync.Cli.Tests.Commands.Operations;

public sealed class LogsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Rows 20 days, 3 days and 1 hour old, of two DocTypes and statuses; one with CSV-hostile text.</summary>
    private static async Task<StateFolder> SeededAsync()
    {
        var state = new StateFolder();
        await state.SeedAsync(async db =>
        {
            await db.Store.AppendLogAsync(StateFolder.Log("OLD-1", status: "failed", message: "timeout"), Ct);
            state.Clock.Advance(TimeSpan.FromDays(17));
            await db.Store.AppendLogAsync(StateFolder.Log("CUST-1", message: "Name changed, \"Acme\"\nsecond line") with { ChangesJson = """{"customer_name":["Old","Acme"]}""", CloudName = "CUST-1", LocalName = "CUST-9" }, Ct);
            await db.Store.AppendLogAsync(StateFolder.Log("ITEM-1", "Item", "failed", "LinkValidationError: Item Group X"), Ct);
            state.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromHours(1));
            await db.Store.AppendLogAsync(StateFolder.Log("CUST-2", status: "conflict"), Ct);
            state.Clock.Advance(TimeSpan.FromHours(1));
        });
        return state;
    }

    [Fact]
    public async Task Logs_Csv_WritesAHeaderAndRfc4180QuotedRowsNewestFirst()
    {
        using var state = await SeededAsync();

        var result = await state.RunAsync("logs", "--format", "csv");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("id,timestamp,doctype,docname,cloud_name,local_name,action,direction,status,message,changes_json\r\n");
        var rows = ParseCsv(result.Out);
        rows.Count.ShouldBe(5);
        rows.Skip(1).Select(r => r[3]).ShouldBe(["CUST-2", "ITEM-1", "CUST-1", "OLD-1"]);
        var cust = rows[3];
        cust[9].ShouldBe("Name changed, \"Acme\"\nsecond line");
        cust[10].ShouldBe("""{"customer_name":["Old","Acme"]}""");
        cust[1].ShouldBe("2026-12-09T01:30:00.000Z");
        cust[4].ShouldBe("CUST-1");
        cust[5].ShouldBe("CUST-9");
    }

    [Fact]
    public async Task Logs_RedirectedWithoutFormat_DefaultsToCsv()
    {
        using var state = await SeededAsync();

        var result = await state.RunAsync("logs");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("id,timestamp,");
    }

    [Fact]
    public async Task Logs_Json_IsAnArrayOfObjectsWithStableSnakeCaseNames()
    {
        using var state = await SeededAsync();

        var result = await state.RunAsync("logs", "--json", "--doctype", "Customer");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBe(3);
        foreach (var row in rows) row.EnumerateObject().Select(p => p.Name).ShouldBe(LogRow.Columns);
        rows[1].GetProperty("message").GetString().ShouldBe("Name changed, \"Acme\"\nsecond line");
        rows[1].GetProperty("timestamp").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 12, 9, 1, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Logs_Filters_SinceAgeDocTypeStatusAndLimitCombine()
    {
        using var state = await SeededAsync();

        (await CsvNamesAsync(state, "--since", "7d")).ShouldBe(["CUST-2", "ITEM-1", "CUST-1"]);
        (await CsvNamesAsync(state, "--since", "2h")).ShouldBe(["CUST-2"]);
        (await CsvNamesAsync(state, "--since", "3w")).Count.ShouldBe(4);
        (await CsvNamesAsync(state, "--status", "failed")).ShouldBe(["ITEM-1", "OLD-1"]);
        (await CsvNamesAsync(state, "--status", "failed", "--since", "7d")).ShouldBe(["ITEM-1"]);
        (await CsvNamesAsync(state, "--doctype", "Item")).ShouldBe(["ITEM-1"]);
        (await CsvNamesAsync(state, "--docname", "CUST-9")).ShouldBe(["CUST-1"]);
        (await CsvNamesAsync(state, "--limit", "2")).ShouldBe(["CUST-2", "ITEM-1"]);
    }

    [Fact]
    public async Task Logs_SinceIsoDate_CountsFromThatDayInLocalTimeOrTheGivenOffset()
    {
        using var state = await SeededAsync();

        (await CsvNamesAsync(state, "--since", "2026-12-09")).ShouldBe(["CUST-2", "ITEM-1", "CUST-1"]);
        (await CsvNamesAsync(state, "--since", "2026-12-09T01:30:00.001Z")).ShouldBe(["CUST-2"]);
        (await CsvNamesAsync(state, "--since", "2026-12-09 03:30+02:00")).ShouldBe(["CUST-2", "ITEM-1", "CUST-1"]);
    }

    [Theory]
    [InlineData("--since", "yesterday", "--since 'yesterday' is not understood")]
    [InlineData("--status", "broken", "--status must be success, failed, conflict or skipped")]
    [InlineData("--format", "xml", "--format must be table, csv or json")]
    [InlineData("--limit", "-3", "--limit must be a whole number of at least 0")]
    public async Task Logs_BadOption_IsAUsageError(string option, string value, string message)
    {
        using var state = await SeededAsync();

        var result = await state.RunAsync("logs", option, value);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(message);
    }

    [Fact]
    public async Task Logs_TableOnATerminal_ShowsTheNewestRowsAndSaysWhenMoreExist()
    {
        using var state = await SeededAsync();

        var result = await state.RunAsync(new CliOptions { Folder = "", Terminal = true, Environment = new Dictionary<string, string> { ["NO_COLOR"] = "1" } }, "logs", "--limit", "3");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldStartWith("time (UTC)           doctype   document  action  direction       status    message");
        result.Out.ShouldContain("2026-12-09 01:30:00  Customer  CUST-1    update  cloud_to_local  success   Name changed, \"Acme\" second line");
        result.Out.ShouldNotContain("OLD-1");
        result.Error.ShouldContain("showing the newest 3 rows; use --limit N (0 = all) or --format csv for more");
    }

    [Fact]
    public async Task Logs_LargeExport_StreamsEveryRow()
    {
        using var state = new StateFolder();
        await state.SeedAsync(db => db.Store.CommitAsync(
            new SyncCommit(StateFolder.Pair("Customer", "C", "C"), Enumerable.Range(0, 6000).Select(i => StateFolder.Log($"C-{i}")).ToList()), Ct));

        var csv = await state.RunAsync("logs", "--format", "csv");
        var json = await state.RunAsync("logs", "--format", "json");

        csv.ExitCode.ShouldBe(0);
        csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(6001);
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetArrayLength().ShouldBe(6000);
    }

    private static async Task<List<string>> CsvNamesAsync(StateFolder state, params string[] options)
    {
        var result = await state.RunAsync(["logs", "--format", "csv", .. options]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return ParseCsv(result.Out).Skip(1).Select(r => r[3]).ToList();
    }

    /// <summary>An independent RFC 4180 reader, so the writer is checked against the rules rather than against itself.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else field.Append(c);
        }

        return rows;
    }
}
