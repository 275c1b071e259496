using System.Text.Json.Nodes;
using ErpSync.Core.Canonical;
using ErpSync.Core.Changes;
using ErpSync.Core.Dependencies;
using ErpSync.Core.Lifecycle;
using ErpSync.Core.Naming;
using ErpSync.Core.Planning;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>
/// Finds what a plan's writes link to that the target site lacks, before anything is written: mapped targets
/// without a known pair (from the payload), same-named targets that do not exist there (<see cref="LinkChecker"/>),
/// and for an amendment the original, which must be cancelled on the target first.
/// </summary>
internal sealed class DependencyCheck(ISyncStore store, LinkChecker links)
{
    /// <summary>The missing dependencies of <paramref name="plan"/>'s writes.</summary>
    public async Task<MissingDependencies> FindAsync(EngineSetup setup, DocTypeContext docType, PairPlan plan, PairSnapshot snapshot, CancellationToken cancellationToken)
    {
        var inScope = new List<SitedRef>();
        var outOfScope = new List<DocRef>();
        foreach (var write in plan.Writes)
        {
            var target = write.Target;
            IReadOnlyList<DocRef> unmapped;
            CanonicalDocument linked;
            switch (write)
            {
                case PlannedInsert insert:
                    unmapped = WritePayloadBuilder.BuildInsert(docType.Meta, docType.Rules, insert.Content, target, snapshot.Names, docType.Naming, insert.SourceName).MissingLinks;
                    linked = insert.Content;
                    if (insert.AmendedFrom is { } original)
                        await OriginalAsync(docType, insert, original, inScope, cancellationToken);
                    break;
                case PlannedUpdate { Fields.Count: > 0 } update when snapshot.Raw(target) is { } raw && snapshot.Side(target).Document is { } current:
                    unmapped = WritePayloadBuilder.BuildUpdate(docType.Meta, docType.Rules, update.Desired, current, raw, snapshot.Side(target).Docstatus, target, snapshot.Names, update.Fields).MissingLinks;
                    linked = Only(update.Desired, update.Fields);
                    break;
                default:
                    continue;
            }

            foreach (var reference in unmapped)
                Classify(setup, new SitedRef(reference, target.Other()), inScope, outOfScope);
            foreach (var sited in DependencyExtractor.ExtractCanonical(linked, docType.Meta, docType.Rules))
            {
                if (setup.Mapped.Contains(sited.Ref.DocType) || (sited.Ref.DocType == docType.Name && docType.IsMapped))
                    continue;
                if (!await links.ExistsAsync(setup, target, sited.Ref.DocType, sited.Ref.Name, cancellationToken))
                    Classify(setup, sited with { Site = target.Other() }, inScope, outOfScope);
            }
        }

        return inScope.Count == 0 && outOfScope.Count == 0
            ? MissingDependencies.None
            : new MissingDependencies(inScope.Distinct().OrderBy(r => r.Ref).ToList(), outOfScope.Distinct().Order().ToList());
    }

    /// <summary>Classifies targets a site refused (<see cref="FrappeLinkValidationException"/>), named as <paramref name="target"/> knows them.</summary>
    public MissingDependencies FromRefusal(EngineSetup setup, SiteName target, INameMap names, IEnumerable<MissingLink> refused)
    {
        var inScope = new List<SitedRef>();
        var outOfScope = new List<DocRef>();
        foreach (var link in refused)
        {
            links.Forget(target, link.DocType, link.Name);
            var sourceName = setup.Mapped.Contains(link.DocType) ? names.Translate(link.DocType, link.Name, target) ?? link.Name : link.Name;
            Classify(setup, new SitedRef(new DocRef(link.DocType, sourceName), target.Other()), inScope, outOfScope);
        }

        return new MissingDependencies(inScope.Distinct().ToList(), outOfScope.Distinct().Order().ToList());
    }

    /// <summary>Splits <paramref name="references"/> into those to sync first and those to wait for.</summary>
    public static MissingDependencies Classify(EngineSetup setup, IEnumerable<SitedRef> references)
    {
        var inScope = new List<SitedRef>();
        var outOfScope = new List<DocRef>();
        foreach (var reference in references)
            Classify(setup, reference, inScope, outOfScope);
        return new MissingDependencies(inScope.Distinct().ToList(), outOfScope.Distinct().Order().ToList());
    }

    private async Task OriginalAsync(DocTypeContext docType, PlannedInsert insert, string original, List<SitedRef> inScope, CancellationToken cancellationToken)
    {
        // Frappe amends only a cancelled original, so the original's cancel must reach the target first.
        var site = UnmappedLink.TryRead(insert.Content["amended_from"], out _) ? SiteName.Local : SiteName.Cloud;
        var record = await store.FindRecordAsync(docType.Name, site, original, cancellationToken);
        var cancelled = insert.Target == SiteName.Cloud ? record?.CloudDocstatus : record?.LocalDocstatus;
        if (record?.NameOn(insert.Target) is null || cancelled != Docstatus.Cancelled)
            inScope.Add(new SitedRef(new DocRef(docType.Name, original), site));
    }

    private static void Classify(EngineSetup setup, SitedRef reference, List<SitedRef> inScope, List<DocRef> outOfScope)
    {
        if (setup.Scope.Contains(reference.Ref.DocType))
            inScope.Add(reference);
        else
            outOfScope.Add(reference.Ref);
    }

    private static CanonicalDocument Only(CanonicalDocument document, IReadOnlyList<string> fields)
    {
        var content = new JsonObject();
        foreach (var field in fields)
        {
            if (document[field] is { } value)
                content[field] = value;
        }

        return CanonicalDocument.FromContent(content);
    }
}
