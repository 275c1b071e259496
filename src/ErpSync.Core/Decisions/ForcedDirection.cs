namespace ErpSync.Core.Decisions;

/// <summary>The <c>--direction</c> of a manual <c>erpsync sync</c>.</summary>
public enum ForcedDirection
{
    /// <summary>Both ways, as the DocType rules allow (<c>auto</c>).</summary>
    Auto,

    /// <summary>Only write to local this run (<c>cloud_to_local</c>).</summary>
    CloudToLocal,

    /// <summary>Only write to cloud this run (<c>local_to_cloud</c>).</summary>
    LocalToCloud,
}
