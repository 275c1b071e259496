using ErpSync.Core.Sites;

namespace ErpSync.Core.Engine;

/// <summary>The two sites, addressed by <see cref="SiteName"/>.</summary>
internal sealed class SitePair
{
    public SitePair(IFrappeSite cloud, IFrappeSite local)
    {
        if (cloud.Site != SiteName.Cloud || local.Site != SiteName.Local)
            throw new ArgumentException($"The sites are swapped or the same: got {cloud.Site.ToWire()} as cloud and {local.Site.ToWire()} as local.");
        Cloud = cloud;
        Local = local;
    }

    public IFrappeSite Cloud { get; }

    public IFrappeSite Local { get; }

    public IFrappeSite this[SiteName site] => site == SiteName.Cloud ? Cloud : Local;
}
