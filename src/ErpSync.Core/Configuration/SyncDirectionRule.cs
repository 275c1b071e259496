namespace ErpSync.Core.Configuration;

/// <summary>Which way changes of a DocType may flow (config spelling in brackets).</summary>
public enum SyncDirectionRule
{
    /// <summary>Both ways (<c>bidirectional</c>).</summary>
    Bidirectional,

    /// <summary>Only from cloud to local (<c>cloud_to_local</c>).</summary>
    CloudToLocal,

    /// <summary>Only from local to cloud (<c>local_to_cloud</c>).</summary>
    LocalToCloud,
}
