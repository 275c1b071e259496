namespace ErpSync.Cli.Conflicts;

/// <summary>One field of a conflict, side by side (JSON <c>fields[]</c> of <c>conflicts show --json</c>).</summary>
/// <param name="Field">Field path: <c>customer_name</c>, or <c>items[2].qty</c> for child rows (1-based).</param>
/// <param name="Cloud">Value on the cloud site now (<c>null</c>: empty or the document is deleted there).</param>
/// <param name="Local">Value on the local site now.</param>
/// <param name="Base">Value both sides agreed on at the last sync (<c>null</c> when none).</param>
/// <param name="ChangedOn"><c>cloud</c>, <c>local</c>, <c>both</c>, or <c>unknown</c> when there is no base.</param>
/// <param name="Conflict">Whether the engine recorded this field as changed on both sides to different values.</param>
internal sealed record FieldDifference(string Field, string? Cloud, string? Local, string? Base, string ChangedOn, bool Conflict);
