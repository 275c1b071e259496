namespace ErpSync.Core.Lifecycle;

/// <summary>Frappe's docstatus values.</summary>
internal static class Docstatus
{
    /// <summary>0: editable draft.</summary>
    public const int Draft = 0;

    /// <summary>1: submitted; only <c>allow_on_submit</c> fields may change.</summary>
    public const int Submitted = 1;

    /// <summary>2: cancelled; accepts no change.</summary>
    public const int Cancelled = 2;

    /// <summary><c>draft</c>, <c>submitted</c>, <c>cancelled</c> (or the number).</summary>
    public static string Describe(int docstatus) => docstatus switch
    {
        Draft => "draft",
        Submitted => "submitted",
        Cancelled => "cancelled",
        _ => $"docstatus {docstatus}",
    };
}
