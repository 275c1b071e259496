using ErpSync.Core.State;

namespace ErpSync.Cli.Conflicts;

/// <summary>A conflict with its differing fields side by side, and how many fields agree.</summary>
internal sealed record ConflictView(ConflictRecord Conflict, IReadOnlyList<FieldDifference> Fields, int AgreeingFields)
{
    /// <summary>The document's names as users know them on each site.</summary>
    public string Document => Names(Conflict);

    public static string Names(ConflictRecord conflict) => (conflict.CloudName, conflict.LocalName) switch
    {
        ({ } c, { } l) when c == l => c,
        ({ } c, { } l) => $"{c} (cloud) / {l} (local)",
        ({ } c, null) => $"{c} (cloud)",
        (null, { } l) => $"{l} (local)",
        _ => conflict.DocName,
    };
}
