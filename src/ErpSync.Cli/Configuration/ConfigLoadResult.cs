namespace ErpSync.Cli.Configuration;

/// <summary>A validated configuration and the warnings worth showing (deprecated keys, weak secrets, …).</summary>
internal sealed record ConfigLoadResult(ErpSyncConfig Config, IReadOnlyList<string> Warnings);
