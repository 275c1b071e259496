namespace ErpSync.Store.Operations;

/// <summary>What <see cref="IStateMaintenance.ResetAsync"/> forgets.</summary>
/// <param name="DocType">One DocType, or <c>null</c> for every one.</param>
/// <param name="DocName">One document of <paramref name="DocType"/> (its name on either site), or <c>null</c> for all of them.</param>
/// <param name="Queue">Also remove the scope's unprocessed queue items (pending, processing, dead).</param>
public sealed record ResetScope(string? DocType, string? DocName, bool Queue)
{
    /// <summary>"Customer CUST-0001", "every Customer", "every DocType".</summary>
    public string Describe() => (DocType, DocName) switch
    {
        (null, _) => "every DocType",
        ({ } docType, null) => $"every {docType}",
        ({ } docType, { } name) => $"{docType} {name}",
    };

    internal void Validate()
    {
        if (DocName is not null && DocType is null)
            throw new ArgumentException("Resetting one document needs its DocType as well as its name.", nameof(DocType));
        if (DocType is not null && string.IsNullOrWhiteSpace(DocType))
            throw new ArgumentException("The DocType to reset is empty.", nameof(DocType));
    }
}
