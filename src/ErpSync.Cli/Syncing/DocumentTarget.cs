using ErpSync.Cli.Internal.Invocation;
using ErpSync.Core.Decisions;
using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Cli.Syncing;

/// <summary>
/// Finds which site <c>--docname</c> names: a pair already recorded under that name (even if the document was
/// deleted there since, so the deletion syncs), else the site that has the document. The forced direction's
/// source site is asked first.
/// </summary>
internal static class DocumentTarget
{
    public static async Task<SiteName> FindAsync(string docType, string name, ForcedDirection direction, IFrappeSite cloud, IFrappeSite local, ISyncStore store, CancellationToken cancellationToken)
    {
        var order = direction == ForcedDirection.LocalToCloud ? new[] { local, cloud } : [cloud, local];
        foreach (var site in order)
        {
            if (await store.FindRecordAsync(docType, site.Site, name, cancellationToken) is not null) return site.Site;
        }

        foreach (var site in order)
        {
            if (await site.GetAsync(docType, name, cancellationToken) is not null) return site.Site;
        }

        throw new CliException($"{docType} '{name}' exists on neither site and has no recorded pair; check the name (it is case-sensitive) and the DocType");
    }
}
