namespace ErpSync.Emulator.Queries;

/// <summary>One <c>[doctype, field, operator, value]</c> filter after parsing.</summary>
internal sealed record FilterCondition(ColumnRef Column, string Operator, object? Value);
