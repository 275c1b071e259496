using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Queries;

/// <summary>One <c>[doctype, field, operator, value]</c> filter after parsing, with its value pre-parsed for comparing.</summary>
internal sealed class FilterCondition(ColumnRef column, string op, object? value)
{
    public ColumnRef Column { get; } = column;

    public string Operator { get; } = op;

    public object? Value { get; } = value;

    /// <summary>The value as the column compares it (a date, a number or the text), computed once.</summary>
    public object? Prepared { get; } = ValueComparer.Prepare(column.Kind, value);
}
