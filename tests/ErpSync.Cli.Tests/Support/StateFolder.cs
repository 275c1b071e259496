using ErpSync.Core.Sites;
using ErpSync.Core.State;
using ErpSync.Store;
using ErpSync.TestKit.Time;

namespace ErpSync.Cli.Tests.Support;

/// <summary>
/// A configured folder (valid .env and config.yaml) whose SQLite state database <c>sync_state.db</c> tests fill
/// through the store, and a fake clock shared by the seeding and the CLI runs.
/// </summary>
internal sealed class StateFolder : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 1, 30, 0, TimeSpan.Zero);

    public StateFolder(string? extraConfig = null)
    {
        Folder = ConfigFiles.ValidFolder();
        if (extraConfig is not null) Folder.Write("config.yaml", ConfigFiles.ValidConfig + "\n" + extraConfig);
    }

    public TempFolder Folder { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public string DatabasePath => Folder.File("sync_state.db");

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<IStateDatabase> OpenAsync() => await StateDatabase.OpenAsync(DatabasePath, Clock, null, Ct);

    /// <summary>Creates the database (if needed) and runs <paramref name="seed"/> on it, then closes it.</summary>
    public async Task SeedAsync(Func<IStateDatabase, Task> seed)
    {
        await using var db = await OpenAsync();
        await seed(db);
    }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(new CliOptions { Folder = Folder.Path }, args);

    public Task<CliResult> RunAsync(CliOptions options, params string[] args) =>
        ErpSyncCli.RunAsync(options with { Folder = Folder.Path, Time = Clock }, args);

    public static SyncRecord Pair(string docType, string cloud, string local, SyncStatus status = SyncStatus.Synced) =>
        new() { DocType = docType, CloudName = cloud, LocalName = local, Status = status };

    public static NewQueueItem Event(string docName, string docType = "Customer", SiteName source = SiteName.Cloud) =>
        new(source, docType, docName, "on_update", "{}");

    public static SyncLogEntry Log(string docName, string docType = "Customer", string status = "success", string? message = null) =>
        new() { DocType = docType, DocName = docName, Action = "update", Direction = "cloud_to_local", Status = status, Message = message };

    public void Dispose() => Folder.Dispose();
}
