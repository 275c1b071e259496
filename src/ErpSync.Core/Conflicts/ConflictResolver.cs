using ErpSync.Core.Canonical;
using ErpSync.Core.Configuration;
using ErpSync.Core.Merging;
using ErpSync.Core.Sites;

namespace ErpSync.Core.Conflicts;

/// <summary>
/// Settles a both-sides change. Every strategy starts from the field merge, so an edit made on one side only is
/// never lost; strategies differ only for values changed on both sides: <c>cloud_wins</c>/<c>local_wins</c> take
/// that side's values, <c>latest_timestamp</c> the values of the side whose <c>modified</c> is later in UTC (cloud
/// on a tie), <c>manual</c> writes nothing, and <c>merge</c> applies its fallback (default manual). Under a one-way
/// direction rule the source's whole document wins (the replica's edits cannot be sent anywhere), unless the
/// strategy is manual. Every conflict — a value changed on both sides, or an edit a one-way rule discards — is
/// described for <c>conflict_records</c>, resolved or not.
/// </summary>
internal static class ConflictResolver
{
    /// <summary>Settles a pair whose documents both exist and both changed.</summary>
    public static ConflictOutcome ResolveContent(ConflictContext context)
    {
        var cloud = context.Cloud.Document ?? throw new ArgumentException("cloud document is required", nameof(context));
        var local = context.Local.Document ?? throw new ArgumentException("local document is required", nameof(context));
        var preview = FieldMerger.Merge(context.Base, cloud, local, context.Rules);

        if (context.ReplicaSource is { } source && context.Strategy != ConflictStrategy.Manual)
        {
            var replica = source.Other();
            var winner = source == SiteName.Cloud ? cloud : local;
            return new ConflictOutcome
            {
                Kind = ConflictOutcomeKind.AutoResolved,
                Agreed = winner,
                Winner = source,
                Merge = preview,
                Description = Describe(context, preview.ConflictingPaths.Count > 0 ? preview.ConflictingPaths : Changed(context.Base, replica == SiteName.Cloud ? cloud : local),
                    $"{replica.ToWire()} changed a document that only flows {source.ToWire()} to {replica.ToWire()}; {replica.ToWire()}'s edits are replaced by {source.ToWire()}'s version",
                    $"direction:{source.ToWire()}_to_{replica.ToWire()}", resolution: $"{source.ToWire()}_wins"),
            };
        }

        if (preview.IsClean)
            return new ConflictOutcome { Kind = ConflictOutcomeKind.CleanMerge, Agreed = CanonicalDocument.FromContent(preview.Merged), Merge = preview };

        // Totals and amounts each server recomputed from the merged inputs are not anyone's edit: take cloud's and let
        // the servers compute them again; only fields people edit can conflict.
        var substantive = preview.ConflictingPaths.Where(p => !IsDerived(context.Meta, p)).ToList();
        if (substantive.Count == 0)
        {
            var recomputed = FieldMerger.Merge(context.Base, cloud, local, context.Rules, SiteName.Cloud);
            return new ConflictOutcome { Kind = ConflictOutcomeKind.CleanMerge, Agreed = CanonicalDocument.FromContent(recomputed.Merged), Merge = recomputed };
        }

        preview = preview with { Conflicts = preview.Conflicts.Where(c => substantive.Contains(c.Path)).ToList() };

        var reason = context.Base is null
            ? $"{string.Join(", ", preview.ConflictingPaths)} differ and there is no common base"
            : $"{string.Join(", ", preview.ConflictingPaths)} changed on both sides";
        var strategy = context.Strategy;
        var label = strategy.ToWire();
        var prefix = "";
        if (strategy == ConflictStrategy.Merge)
        {
            strategy = context.MergeFallback == ConflictStrategy.Merge ? ConflictStrategy.Manual : context.MergeFallback;
            label = $"merge:{strategy.ToWire()}";
            prefix = "merge:";
        }

        var (prefer, resolution, why) = Choose(strategy, context);
        if (prefer is null)
        {
            return new ConflictOutcome
            {
                Kind = ConflictOutcomeKind.Unresolved,
                Merge = preview,
                Description = Describe(context, preview.ConflictingPaths, why is null ? reason : $"{reason}; {why}", label, resolution: null),
            };
        }

        var merged = FieldMerger.Merge(context.Base, cloud, local, context.Rules, prefer);
        return new ConflictOutcome
        {
            Kind = ConflictOutcomeKind.AutoResolved,
            Agreed = CanonicalDocument.FromContent(merged.Merged),
            Merge = merged,
            Description = Describe(context, substantive, reason, label, prefix + resolution),
        };
    }

    /// <summary>Settles a pair deleted on one side and changed on the other.</summary>
    public static ConflictOutcome ResolveDeleteEdit(ConflictContext context)
    {
        var deletedSide = context.Cloud.Exists ? SiteName.Local : SiteName.Cloud;
        var editedSide = deletedSide.Other();
        var edited = (editedSide == SiteName.Cloud ? context.Cloud.Document : context.Local.Document)
            ?? throw new ArgumentException("one side must still exist", nameof(context));
        var changedFields = Changed(context.Base, edited);
        var reason = $"deleted on {deletedSide.ToWire()}, changed on {editedSide.ToWire()}";

        SiteName? winner;
        string label;
        string? resolution;
        string? why = null;
        if (context.ReplicaSource is { } source && context.Strategy != ConflictStrategy.Manual)
        {
            winner = source;
            label = $"direction:{source.ToWire()}_to_{source.Other().ToWire()}";
            resolution = $"{source.ToWire()}_wins";
        }
        else
        {
            var strategy = context.Strategy == ConflictStrategy.Merge
                ? (context.MergeFallback == ConflictStrategy.Merge ? ConflictStrategy.Manual : context.MergeFallback)
                : context.Strategy;
            label = context.Strategy == ConflictStrategy.Merge ? $"merge:{strategy.ToWire()}" : strategy.ToWire();
            // A deletion cannot be merged field by field, so merge goes straight to its fallback.
            (winner, resolution, why) = Choose(strategy, context);
            if (resolution is not null && context.Strategy == ConflictStrategy.Merge)
                resolution = "merge:" + resolution;
        }

        if (winner is null)
        {
            return new ConflictOutcome
            {
                Kind = ConflictOutcomeKind.Unresolved,
                Description = Describe(context, changedFields, why is null ? reason : $"{reason}; {why}", label, resolution: null),
            };
        }

        var deletionWins = winner == deletedSide;
        return new ConflictOutcome
        {
            Kind = ConflictOutcomeKind.AutoResolved,
            Winner = winner,
            DeleteBoth = deletionWins,
            Agreed = deletionWins ? null : edited,
            Description = Describe(context, changedFields, reason, label, resolution),
        };
    }

    private static (SiteName? Prefer, string? Resolution, string? Why) Choose(ConflictStrategy strategy, ConflictContext context)
    {
        switch (strategy)
        {
            case ConflictStrategy.CloudWins:
                return (SiteName.Cloud, "cloud_wins", null);
            case ConflictStrategy.LocalWins:
                return (SiteName.Local, "local_wins", null);
            case ConflictStrategy.LatestTimestamp:
                var later = SiteTimestamp.Later(Stamp(context.Cloud), context.CloudTimeZone, Stamp(context.Local), context.LocalTimeZone, out var error);
                return later is { } side
                    ? (side, $"latest_timestamp:{side.ToWire()}", null)
                    : (null, null, $"latest_timestamp cannot decide: {error}");
            default:
                return (null, null, null);
        }
    }

    /// <summary>
    /// Whether a merge path names a value the server derives: a read-only or <c>fetch_from</c> parent field, or such a
    /// field of a keyed child row (<c>items[ITEM-1].amount</c>). Rows and whole tables are never derived.
    /// </summary>
    private static bool IsDerived(DocTypeMeta? meta, string path)
    {
        if (meta is null || path.EndsWith(')') || path.EndsWith(']'))
            return false;
        var open = path.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
            return meta.Field(path) is { } field && !field.IsTable && Derived(field);

        var close = path.LastIndexOf("].", StringComparison.Ordinal);
        if (close < 0 || meta.Field(path[..open]) is not { IsTable: true } table || table.Options is null || !meta.Children.TryGetValue(table.Options, out var child))
            return false;
        return child.Field(path[(close + 2)..]) is { } childField && Derived(childField);
    }

    private static bool Derived(FieldMeta field) => field.ReadOnly || !string.IsNullOrEmpty(field.FetchFrom);

    private static string? Stamp(Decisions.SideState side) => side.Exists ? side.Modified : side.DeletedAt;

    private static IReadOnlyList<string> Changed(CanonicalDocument? baseDocument, CanonicalDocument side) =>
        side.Fields.Union(baseDocument?.Fields ?? []).Distinct()
            .Where(f => baseDocument is null || !CanonicalJson.ValueEquals(baseDocument[f], side[f]))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static ConflictDescription Describe(ConflictContext context, IReadOnlyList<string> fields, string reason, string strategy, string? resolution) => new()
    {
        Reason = reason,
        Strategy = strategy,
        ConflictingFields = fields,
        CloudData = context.Cloud.Document?.Json,
        LocalData = context.Local.Document?.Json,
        BaseData = context.Base?.Json,
        CloudModified = Stamp(context.Cloud),
        LocalModified = Stamp(context.Local),
        Resolved = resolution is not null,
        Resolution = resolution,
    };
}
