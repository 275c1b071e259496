using ErpSync.Core.Configuration;

namespace ErpSync.Core.Naming;

/// <summary>How a DocType's documents are named and paired across sites.</summary>
/// <param name="Mode"><see cref="NamingMode.Same"/> or <see cref="NamingMode.Mapped"/> (never Auto).</param>
/// <param name="Source">Where an inserted copy's name comes from.</param>
/// <param name="NameField">For <see cref="NameSource.Field"/>: the field the name is derived from.</param>
/// <param name="Reason">Why, in words (for <c>doctor</c> and logs).</param>
internal sealed record NamingPlan(NamingMode Mode, NameSource Source, string? NameField, string Reason)
{
    /// <summary>Whether inserts carry <c>__newname</c> with the source's name.</summary>
    public bool SendsNewName => Source == NameSource.NewName;

    /// <summary>Whether a DocType of this plan needs name pairs in <c>sync_records</c> to translate its links.</summary>
    public bool IsMapped => Mode == NamingMode.Mapped;
}
