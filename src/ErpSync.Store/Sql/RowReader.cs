using System.Data.Common;

namespace ErpSync.Store.Sql;

/// <summary>
/// Reads columns by name, smoothing over the two engines' types (SQLite integers for booleans and text
/// for times; PostgreSQL booleans, int4 and timestamptz).
/// </summary>
internal readonly struct RowReader(DbDataReader reader)
{
    public string String(string column) => reader.GetString(reader.GetOrdinal(column));

    public string? NullableString(string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public long Long(string column) => Convert.ToInt64(reader.GetValue(reader.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);

    public int Int(string column) => Convert.ToInt32(reader.GetValue(reader.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);

    public long? NullableLong(string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    public int? NullableInt(string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool Bool(string column) => Convert.ToBoolean(reader.GetValue(reader.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);

    public DateTimeOffset Time(string column) => StoredTime.FromValue(reader.GetValue(reader.GetOrdinal(column)));

    public DateTimeOffset? NullableTime(string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : StoredTime.FromValue(reader.GetValue(ordinal));
    }
}
