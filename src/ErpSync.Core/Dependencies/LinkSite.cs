using ErpSync.Core.Sites;

namespace ErpSync.Core.Dependencies;

/// <summary>One place in a DocType where a document name is stored: a Link, Dynamic Link or <c>amended_from</c>.</summary>
/// <param name="Path">Fieldname, or <c>table.fieldname</c> for a child-table field.</param>
/// <param name="Field">The field.</param>
/// <param name="TargetDocType">Target DocType for a Link; <c>null</c> for a Dynamic Link (read per row).</param>
internal sealed record LinkSite(string Path, FieldMeta Field, string? TargetDocType);
