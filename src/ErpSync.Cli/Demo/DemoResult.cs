using ErpSync.Core.State;
using ErpSync.Core.Sync;

namespace ErpSync.Cli.Demo;

/// <summary>What a demo run showed: the full sync's totals, the final status and the conflict it created.</summary>
internal sealed record DemoResult(SyncSummary FullSync, StoreStatus Status, ConflictRecord Conflict);
