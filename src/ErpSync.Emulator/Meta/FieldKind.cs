namespace ErpSync.Emulator.Meta;

/// <summary>How a Frappe fieldtype stores and casts its value.</summary>
internal enum FieldKind
{
    /// <summary>Text of any flavour (Data, Link, Select, Text, Code, Password…): a string.</summary>
    Text,

    /// <summary>Int (nullable) and Duration.</summary>
    Int,

    /// <summary>Check: 0/1, never null.</summary>
    Check,

    /// <summary>Float, Currency, Percent, Rating: a float, never null.</summary>
    Float,

    /// <summary>Date: <c>YYYY-MM-DD</c>.</summary>
    Date,

    /// <summary>Datetime: <c>YYYY-MM-DD HH:MM:SS[.ffffff]</c>.</summary>
    Datetime,

    /// <summary>Time: <c>H:MM:SS[.ffffff]</c>.</summary>
    Time,

    /// <summary>Table and Table MultiSelect: child rows.</summary>
    Table,

    /// <summary>Section/Column/Tab breaks, HTML, Button…: no column.</summary>
    Layout,
}
