using ErpSync.Emulator.Meta;

namespace ErpSync.Emulator.Queries;

/// <summary>One ORDER BY column's keys for every row: NULL first, then numbers, dates or collation keys.</summary>
internal sealed class SortColumn
{
    private readonly bool[] _null;
    private readonly double[]? _numbers;
    private readonly long[]? _ticks;
    private readonly IComparable?[]? _other;

    private SortColumn(int count, FieldKind kind)
    {
        _null = new bool[count];
        if (kind is FieldKind.Int or FieldKind.Check or FieldKind.Float)
            _numbers = new double[count];
        else if (kind is FieldKind.Date or FieldKind.Datetime)
            _ticks = new long[count];
        _other = new IComparable?[count];
    }

    public static SortColumn Build(ColumnRef column, List<QueryRow> rows)
    {
        var result = new SortColumn(rows.Count, column.Kind);
        for (var i = 0; i < rows.Count; i++)
        {
            var value = rows[i].Get(column);
            if (value is null)
            {
                result._null[i] = true;
                continue;
            }

            if (result._numbers is not null)
                result._numbers[i] = Python.PyConvert.Flt(value);
            else if (result._ticks is not null && ValueComparer.ToDate(column.Kind, value) is { } date)
                result._ticks[i] = date.Ticks;
            else
                result._other![i] = ValueComparer.SortKey(column.Kind, value);
        }

        return result;
    }

    public int Compare(int x, int y)
    {
        if (_null[x] || _null[y])
            return _null[x] ? (_null[y] ? 0 : -1) : 1;
        if (_numbers is not null)
            return _numbers[x].CompareTo(_numbers[y]);
        if (_ticks is not null && _other![x] is null && _other[y] is null)
            return _ticks[x].CompareTo(_ticks[y]);
        return ValueComparer.CompareSortKeys(_other![x], _other[y]);
    }
}
