namespace ErpSync.Benchmarks.Sync;

/// <summary>What one <c>sync-run</c> child process measured: its own sync, requests and peak memory.</summary>
internal sealed record SyncRunResult(double Seconds, long CloudRequests, long LocalRequests, double PeakRssMb, int Total, int Success, int Failed, int Conflicts, int Skipped)
{
    public long Requests => CloudRequests + LocalRequests;
}
