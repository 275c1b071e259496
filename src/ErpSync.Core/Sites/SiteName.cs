namespace ErpSync.Core.Sites;

/// <summary>The two ends of a sync pair.</summary>
public enum SiteName
{
    /// <summary>The site in the cloud; its names are the canonical ones for Link translation.</summary>
    Cloud,

    /// <summary>The on-premises site.</summary>
    Local,
}
