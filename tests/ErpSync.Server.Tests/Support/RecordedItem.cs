using ErpSync.Core.State;
using ErpSync.Core.Sync;

namespace ErpSync.Server.Tests.Support;

/// <summary>A queue item whose result the server stored, with the engine's outcome.</summary>
internal sealed record RecordedItem(QueueItem Item, SyncOutcome Outcome);
