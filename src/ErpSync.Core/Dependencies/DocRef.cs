namespace ErpSync.Core.Dependencies;

/// <summary>A document reference: DocType and name on one site (which site is the caller's context).</summary>
/// <param name="DocType">DocType.</param>
/// <param name="Name">Document name.</param>
internal sealed record DocRef(string DocType, string Name) : IComparable<DocRef>
{
    /// <summary>The <c>sync_records.error_message</c> text for a document waiting on this one: <c>missing dependency D/N</c>.</summary>
    public string MissingDependencyReason => $"missing dependency {DocType}/{Name}";

    /// <inheritdoc />
    public int CompareTo(DocRef? other)
    {
        if (other is null)
            return 1;
        var byType = string.CompareOrdinal(DocType, other.DocType);
        return byType != 0 ? byType : string.CompareOrdinal(Name, other.Name);
    }

    /// <inheritdoc />
    public override string ToString() => $"{DocType}/{Name}";
}
