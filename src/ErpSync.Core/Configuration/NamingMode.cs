namespace ErpSync.Core.Configuration;

/// <summary>How documents of a DocType are paired across sites (config spelling in brackets).</summary>
public enum NamingMode
{
    /// <summary>Decide from the DocType's <c>autoname</c> (<c>auto</c>).</summary>
    Auto,

    /// <summary>Names are equal on both sites (field/prompt naming) (<c>same</c>).</summary>
    Same,

    /// <summary>Each site names its own copy; <c>sync_records</c> maps the pair (<c>mapped</c>).</summary>
    Mapped,
}
