namespace ErpSync.Cli.Internal.Output;

/// <summary>A table to render: Spectre on a terminal, aligned columns otherwise.</summary>
/// <param name="Columns">Header texts.</param>
/// <param name="Rows">Cells, one list per row, as many as <paramref name="Columns"/>.</param>
/// <param name="Title">Optional title above the table.</param>
/// <param name="RightAligned">Indexes of columns holding numbers.</param>
internal sealed record TableView(
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Title = null,
    IReadOnlySet<int>? RightAligned = null);
