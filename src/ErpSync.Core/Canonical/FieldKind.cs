namespace ErpSync.Core.Canonical;

/// <summary>How the canonical form treats a Frappe field type.</summary>
internal enum FieldKind
{
    /// <summary>Not content: layout fields, and Password (the API returns asterisks, never the value).</summary>
    Ignored,

    /// <summary>Strings (Data, Select, Text, Small Text, Text Editor, Attach, …): missing, null and "" are one value.</summary>
    Text,

    /// <summary>Check: 0/1; false/true and missing (the column is NOT NULL DEFAULT 0) fold into 0/1.</summary>
    Check,

    /// <summary>Int / Long Int: integers; missing is 0 (NOT NULL DEFAULT 0), 5 and 5.0 are equal.</summary>
    Integer,

    /// <summary>Float, Currency, Percent, Rating, Duration: exact decimals; missing is 0; 118 = 118.0 = "118.00".</summary>
    Decimal,

    /// <summary>Date: <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>Datetime: <c>yyyy-MM-dd HH:mm:ss[.ffffff]</c>, microseconds only when non-zero (Python's str()).</summary>
    Datetime,

    /// <summary>Time: <c>HH:mm:ss[.ffffff]</c>, hours zero-padded.</summary>
    Time,

    /// <summary>Link: a document name, translated to the cloud's names.</summary>
    Link,

    /// <summary>Dynamic Link: a document name whose DocType is held by another field of the same row.</summary>
    DynamicLink,

    /// <summary>Table / Table MultiSelect: an ordered array of child rows.</summary>
    Table,

    /// <summary>JSON and Geolocation: JSON text, compared after canonical re-serialisation.</summary>
    Json,
}
