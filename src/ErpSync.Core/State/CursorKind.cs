namespace ErpSync.Core.State;

/// <summary>Which stream a <c>sync_cursors</c> row tracks.</summary>
public enum CursorKind
{
    /// <summary>Documents by (modified, name).</summary>
    Modified,

    /// <summary><c>Deleted Document</c> rows by (creation, name).</summary>
    Deleted,
}
