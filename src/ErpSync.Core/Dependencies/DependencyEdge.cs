namespace ErpSync.Core.Dependencies;

/// <summary>DocType <paramref name="From"/> links to DocType <paramref name="To"/> through <paramref name="Via"/>.</summary>
/// <param name="From">The linking DocType (synced after <paramref name="To"/> when possible).</param>
/// <param name="To">The linked DocType.</param>
/// <param name="Via">The link fields, e.g. <c>customer</c> or <c>items.item_code</c>, comma-separated.</param>
internal sealed record DependencyEdge(string From, string To, string Via)
{
    /// <inheritdoc />
    public override string ToString() => $"{From} -> {To} (via {Via})";
}
