using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ErpSync.Cli.Internal.Output;

/// <summary>
/// What commands write through: result lines, check marks, tables and JSON on standard output; warnings on
/// standard error. Rich (Spectre) on a terminal, plain text otherwise, so piped output stays greppable.
/// </summary>
internal sealed class CliOutput
{
    private readonly CliConsole console;
    private readonly IAnsiConsole? rich;

    public CliOutput(CliConsole console, OutputStyle style)
    {
        this.console = console;
        Style = style;
        if (style == OutputStyle.Rich)
        {
            rich = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.Standard,
                Interactive = InteractionSupport.Yes,
                Out = new AnsiConsoleOutput(console.Out),
            });
            if (console.Width is { } width) rich.Profile.Width = width;
        }
    }

    public OutputStyle Style { get; }

    /// <summary>The Spectre console (rich style only), for live progress.</summary>
    public IAnsiConsole? Rich => rich;

    public TextWriter Out => console.Out;

    public TextWriter Error => console.Error;

    public void Line(string text = "")
    {
        if (rich is not null) rich.MarkupLine(Markup.Escape(text));
        else console.Out.WriteLine(text);
    }

    public void Heading(string text)
    {
        if (rich is not null) rich.MarkupLine($"[bold]{Markup.Escape(text)}[/]");
        else console.Out.WriteLine(text);
    }

    /// <summary>A verdict line: <c>✓ text</c> in colour, or <c>[OK] text</c> in plain text.</summary>
    public void Check(Mark mark, string text, string? detail = null)
    {
        if (rich is not null)
        {
            var (symbol, colour) = mark switch
            {
                Mark.Ok => ("✓", "green"),
                Mark.Fail => ("✗", "red"),
                Mark.Warn => ("!", "yellow"),
                Mark.Skip => ("-", "grey"),
                _ => ("•", "blue"),
            };
            rich.MarkupLine($"[{colour}]{symbol}[/] {Markup.Escape(text)}");
            if (detail is not null) rich.MarkupLine($"  [grey]{Markup.Escape(detail)}[/]");
            return;
        }

        var tag = mark switch
        {
            Mark.Ok => "[OK]",
            Mark.Fail => "[FAIL]",
            Mark.Warn => "[WARN]",
            Mark.Skip => "[SKIP]",
            _ => "[INFO]",
        };
        console.Out.WriteLine($"{tag} {text}");
        if (detail is not null) console.Out.WriteLine($"       {detail}");
    }

    public void Table(TableView view)
    {
        if (rich is not null)
        {
            var table = new Table().Border(TableBorder.Rounded);
            if (view.Title is not null) table.Title($"[bold]{Markup.Escape(view.Title)}[/]");
            for (var i = 0; i < view.Columns.Count; i++)
            {
                var column = new TableColumn(Markup.Escape(view.Columns[i]));
                if (view.RightAligned?.Contains(i) == true) column.RightAligned();
                table.AddColumn(column);
            }

            foreach (var row in view.Rows)
            {
                table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
            }

            rich.Write(table);
            return;
        }

        console.Out.Write(PlainTable(view));
    }

    /// <summary>Writes <paramref name="value"/> as the run's JSON document (see <see cref="JsonOutput"/>).</summary>
    public void Json<T>(T value) => console.Out.WriteLine(JsonOutput.Serialize(value));

    /// <summary>A warning on standard error.</summary>
    public void Warning(string text) => console.Error.WriteLine($"warning: {text}");

    internal static string PlainTable(TableView view)
    {
        var widths = view.Columns.Select(c => c.Length).ToArray();
        foreach (var row in view.Rows)
        {
            for (var i = 0; i < widths.Length && i < row.Count; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        }

        var builder = new StringBuilder();
        if (view.Title is not null) builder.AppendLine(view.Title);
        AppendRow(builder, view.Columns, widths, view.RightAligned);
        AppendRow(builder, widths.Select(w => new string('-', w)).ToArray(), widths, null);
        foreach (var row in view.Rows) AppendRow(builder, row, widths, view.RightAligned);
        return builder.ToString();
    }

    private static void AppendRow(StringBuilder builder, IReadOnlyList<string> cells, int[] widths, IReadOnlySet<int>? right)
    {
        var parts = new string[widths.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Count ? cells[i] : "";
            parts[i] = right?.Contains(i) == true ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]);
        }

        builder.AppendLine(string.Join("  ", parts).TrimEnd());
    }
}
