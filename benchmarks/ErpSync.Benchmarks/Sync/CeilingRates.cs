namespace ErpSync.Benchmarks.Sync;

/// <summary>The emulator's raw rates (per second) at the client's concurrency: the physical limit of a sync.</summary>
internal sealed record CeilingRates(double ListPages, double Gets, double Posts, double Puts);
