using ErpSync.Benchmarks;
using ErpSync.Benchmarks.Intake;
using ErpSync.Benchmarks.Store;
using ErpSync.Benchmarks.Sync;

// Each workload is selected by its name as the first argument; add new ones to this list.
IWorkload[] workloads =
[
    new AllWorkload(),
    new CeilingWorkload(),
    new InitialSyncWorkload(),
    new WebhookIntakeWorkload(),
    new EndToEndWorkload(),
    new ScaleWorkload(),
    new WanWorkload(),
    new SyncRunWorkload(),
    new StoreEnqueueWorkload(),
    new StoreDrainWorkload(),
];

return await WorkloadRunner.RunAsync(workloads, args);
