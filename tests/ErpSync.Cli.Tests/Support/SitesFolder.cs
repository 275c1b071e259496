using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Core.State;
using ErpSync.Emulator;
using ErpSync.Store;
using ErpSync.TestKit.Emulation;

namespace ErpSync.Cli.Tests.Support;

/// <summary>
/// A folder whose .env points at a class fixture's two emulated sites (real HTTP on 127.0.0.1) and whose
/// config.yaml syncs the given DocTypes, with its own SQLite state database <c>sync_state.db</c>.
/// </summary>
internal sealed class SitesFolder : IDisposable
{
    private static int counter;

    public SitesFolder(EmulatedSitePair pair, IReadOnlyList<string> docTypes, string? rules = null, string? extraEnv = null)
    {
        Pair = pair;
        Folder = new TempFolder();
        Folder.Write(".env", $"""
            CLOUD_ERP_URL={pair.Cloud.BaseUrl.ToString().TrimEnd('/')}
            CLOUD_API_KEY={pair.Cloud.ApiKey}
            CLOUD_API_SECRET={pair.Cloud.ApiSecret}
            LOCAL_ERP_URL={pair.Local.BaseUrl.ToString().TrimEnd('/')}
            LOCAL_API_KEY={pair.Local.ApiKey}
            LOCAL_API_SECRET={pair.Local.ApiSecret}
            WEBHOOK_HOST=127.0.0.1
            WEBHOOK_PORT=1
            WEBHOOK_SECRET={ConfigFiles.WebhookSecret}
            {extraEnv}
            """);
        var list = string.Join("\n", docTypes.Select(d => $"    - \"{d}\""));
        Folder.Write("config.yaml", $"sync_rules:\n  doctypes:\n{list}\n{rules ?? "  conflict_resolution: manual\n"}");
    }

    public EmulatedSitePair Pair { get; }

    public EmulatorBackdoor CloudDb => Pair.Cloud.Backdoor;

    public EmulatorBackdoor LocalDb => Pair.Local.Backdoor;

    public TempFolder Folder { get; }

    public string DatabasePath => Folder.File("sync_state.db");

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<CliResult> RunAsync(params string[] args) => ErpSyncCli.RunAsync(Folder.Path, args);

    public Task<CliResult> RunAsync(CliOptions options, params string[] args) => ErpSyncCli.RunAsync(options with { Folder = Folder.Path }, args);

    public async Task<IStateDatabase> OpenAsync() => await StateDatabase.OpenAsync(DatabasePath, TimeProvider.System, null, Ct);

    public async Task<List<SyncRecord>> RecordsAsync(string docType)
    {
        await using var db = await OpenAsync();
        var records = new List<SyncRecord>();
        await foreach (var record in db.Store.ListRecordsAsync(docType, Ct)) records.Add(record);
        return records;
    }

    /// <summary>
    /// Defines the same custom DocType on both sites (unique name per call); fields as
    /// <c>fieldname:Fieldtype[:options[:flag,flag]]</c>; <paramref name="localOnly"/> fields exist on the local site only.
    /// </summary>
    public static string DefineDocType(EmulatedSitePair pair, string prefix, IEnumerable<string> fields, string autoname = "hash", IEnumerable<string>? localOnly = null)
    {
        var name = $"{prefix} {Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture)}{Guid.NewGuid().ToString("N")[..4]}";
        var shared = fields.ToList();
        Define(pair.Cloud.Backdoor, name, autoname, shared);
        Define(pair.Local.Backdoor, name, autoname, shared.Concat(localOnly ?? []));
        return name;
    }

    public static string Name(JsonObject document) => document["name"]!.GetValue<string>();

    public static string? Text(JsonObject? document, string field) => document?[field] is JsonValue value ? value.ToString() : null;

    private static void Define(EmulatorBackdoor db, string name, string autoname, IEnumerable<string> fields)
    {
        var list = new JsonArray();
        foreach (var spec in fields)
        {
            var parts = spec.Split(':');
            var field = new JsonObject { ["fieldname"] = parts[0], ["fieldtype"] = parts[1], ["label"] = parts[0].Replace('_', ' ') };
            if (parts.Length > 2 && parts[2].Length > 0) field["options"] = parts[2].Replace("\\n", "\n", StringComparison.Ordinal);
            foreach (var flag in parts.Length > 3 ? parts[3].Split(',') : [])
            {
                if (flag.Length > 0) field[flag] = 1;
            }

            list.Add(field);
        }

        db.Insert("DocType", new JsonObject { ["name"] = name, ["module"] = "Custom", ["custom"] = 1, ["autoname"] = autoname, ["fields"] = list });
    }

    public void Dispose() => Folder.Dispose();
}
