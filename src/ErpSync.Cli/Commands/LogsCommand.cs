using System.CommandLine;
using System.Text.Json;
using ErpSync.Cli.AuditLog;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Operations;
using ErpSync.Core.State;
using ErpSync.Store;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync logs [--since 7d] [--doctype D] [--docname N] [--status S] [--format table|csv|json] [--limit N]</c>:
/// exports the <c>sync_logs</c> audit, newest first. CSV and JSON stream row by row, so any size exports in
/// constant memory; a table holds the newest 100 rows unless <c>--limit</c> says otherwise.
/// </summary>
internal static class LogsCommand
{
    public const int DefaultTableRows = 100;

    private const int FlushEvery = 500;

    private static readonly string[] Statuses = ["success", "failed", "conflict", "skipped"];
    private static readonly string[] Formats = ["table", "csv", "json"];

    private static readonly JsonSerializerOptions Compact = new(JsonOutput.Options) { WriteIndented = false };

    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = $"Only rows from then on: {SinceParser.Help}.", HelpName = "age|date" };
        var docType = CommonOptions.DocType("Only this DocType.");
        var docName = new Option<string?>("--docname") { Description = "Only this document (its name on either site).", HelpName = "name" };
        var status = CommonOptions.Choice("--status", Statuses, "Only rows with this status.");
        var format = CommonOptions.Choice("--format", Formats, "table (default on a terminal), csv (default when output is redirected) or json.");
        var json = new Option<bool>("--json") { Description = "Same as --format json." };
        var limit = CommonOptions.WholeNumber("--limit", 0, $"At most N rows, newest first; 0 = all (default: all for csv/json, {DefaultTableRows} for a table).");
        var command = new Command("logs", "Export the sync audit log (sync_logs) as a table, CSV or JSON.") { since, docType, docName, status, format, json, limit };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(format) is { } f && f != "json") result.AddError($"--json and --format {f} disagree; use one of them.");
        });
        return command.WithBody((context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var chosen = parse.GetValue(json) ? LogFormat.Json
                : parse.GetValue(format) is { } name ? Enum.Parse<LogFormat>(name, ignoreCase: true)
                : context.Host.Console.OutIsTerminal ? LogFormat.Table : LogFormat.Csv;
            var query = new LogQuery
            {
                Since = ParseSince(context, parse.GetValue(since)),
                DocType = parse.GetValue(docType),
                DocName = parse.GetValue(docName) is { Length: > 0 } n ? n.Trim() : null,
                Status = parse.GetValue(status),
            };
            var rows = parse.GetValue(limit) switch
            {
                0 => (int?)null,
                { } given => given,
                null => chosen == LogFormat.Table ? DefaultTableRows : null,
            };
            return RunAsync(context, query, chosen, rows, cancellationToken);
        });
    }

    private static DateTimeOffset? ParseSince(CommandContext context, string? text)
    {
        if (text is null) return null;
        var time = context.Host.Time;
        return SinceParser.TryParse(text, time.GetUtcNow(), time.LocalTimeZone, out var since)
            ? since
            : throw CliException.Usage($"--since '{text}' is not understood; use {SinceParser.Help}");
    }

    private static async Task<int> RunAsync(CommandContext context, LogQuery query, LogFormat format, int? rows, CancellationToken cancellationToken)
    {
        var config = context.LoadConfig(ConfigRequirements.None);
        StateDatabaseAccess.RequireExisting(config.Database);
        using var logging = context.CreateLogging(config);
        await using var database = await StateDatabaseAccess.OpenAsync(config, context.Host.Time, logging.LoggerFactory, cancellationToken);

        // One row past the limit tells a table whether there was more to show.
        var entries = database.Store.QueryLogsAsync(query with { Limit = format == LogFormat.Table && rows is { } r ? r + 1 : rows }, cancellationToken);
        switch (format)
        {
            case LogFormat.Csv:
                await WriteCsvAsync(context.Output.Out, entries, cancellationToken);
                break;
            case LogFormat.Json:
                await WriteJsonAsync(context.Output.Out, entries, cancellationToken);
                break;
            default:
                await WriteTableAsync(context, entries, rows, database, cancellationToken);
                break;
        }

        return ExitCodes.Success;
    }

    private static async Task WriteCsvAsync(TextWriter output, IAsyncEnumerable<SyncLogEntry> entries, CancellationToken cancellationToken)
    {
        CsvWriter.WriteRecord(output, LogRow.Columns);
        var written = 0;
        await foreach (var entry in entries)
        {
            CsvWriter.WriteRecord(output, LogRow.From(entry).Values());
            if (++written % FlushEvery == 0) await output.FlushAsync(cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteJsonAsync(TextWriter output, IAsyncEnumerable<SyncLogEntry> entries, CancellationToken cancellationToken)
    {
        var written = 0;
        await output.WriteAsync("[");
        await foreach (var entry in entries)
        {
            await output.WriteAsync(written == 0 ? "\n  " : ",\n  ");
            await output.WriteAsync(JsonSerializer.Serialize(LogRow.From(entry), Compact));
            if (++written % FlushEvery == 0) await output.FlushAsync(cancellationToken);
        }

        await output.WriteAsync(written == 0 ? "]\n" : "\n]\n");
        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteTableAsync(CommandContext context, IAsyncEnumerable<SyncLogEntry> entries, int? rows, IStateDatabase database, CancellationToken cancellationToken)
    {
        var shown = new List<IReadOnlyList<string>>();
        var more = false;
        await foreach (var entry in entries)
        {
            if (rows is { } max && shown.Count == max)
            {
                more = true;
                break;
            }

            shown.Add(
            [
                entry.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                entry.DocType,
                entry.DocName,
                entry.Action,
                entry.Direction,
                entry.Status,
                Shorten(entry.Message ?? "", 80),
            ]);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (shown.Count == 0)
        {
            context.Output.Line($"no audit rows match in {database.Description}");
            return;
        }

        context.Output.Table(new TableView(["time (UTC)", "doctype", "document", "action", "direction", "status", "message"], shown));
        if (more)
        {
            context.Output.Error.WriteLine($"showing the newest {shown.Count} rows; use --limit N (0 = all) or --format csv for more");
        }
    }

    private static string Shorten(string text, int length)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= length ? oneLine : oneLine[..(length - 1)] + "…";
    }
}
