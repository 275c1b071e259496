namespace ErpSync.Emulator.Storage;

/// <summary>Where a child row lives: its parent document and table field.</summary>
internal sealed record RowLocation(string ParentDocType, string ParentName, string ParentField);
