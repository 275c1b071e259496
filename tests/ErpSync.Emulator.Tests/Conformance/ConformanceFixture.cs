using System.Text.Json.Nodes;

namespace ErpSync.Emulator.Tests.Conformance;

/// <summary>
/// Replays every transcript once, in order, on one emulated site (later scenarios build on earlier ones, as
/// they did on the recorded site), recreating the few documents the recorded site got outside the recordings.
/// </summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    private readonly Dictionary<string, List<string>> _results = new(StringComparer.Ordinal);
    private TranscriptReplayer? _replayer;

    public static IReadOnlyList<string> Files { get; } = Directory
        .GetFiles(Path.Combine(AppContext.BaseDirectory, "Transcripts"), "*.json")
        .Select(Path.GetFileName)
        .Order(StringComparer.Ordinal)
        .ToList()!;

    public IReadOnlyList<string> ErrorsOf(string file) => _results[file];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _replayer = await TranscriptReplayer.StartAsync(ct);
        foreach (var file in Files)
        {
            await SetupBeforeAsync(file, ct);
            _results[file] = await _replayer.ReplayAsync(file, Deviations.IsTolerated, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_replayer is not null)
            await _replayer.DisposeAsync();
    }

    private async Task SetupBeforeAsync(string file, CancellationToken ct)
    {
        var replayer = _replayer!;
        switch (file[..2])
        {
            case "06":
                // Notes from an earlier run of this scenario on the recorded site (they show up in 23).
                await replayer.SetupAsync("POST", "api/resource/Sync%20Note", """{"title": "hash named note", "content": "Free text body"}""", ct);
                await replayer.SetupAsync("POST", "api/resource/Sync%20Note", """{"title": "client supplied name", "content": "x"}""", ct);
                break;
            case "22":
                foreach (var (name, group, territory, limit) in new[]
                {
                    ("Globex Ltd", "Commercial", "USA", 100000), ("Initech", "Commercial", "USA", 20000),
                    ("Umbrella Corp", "Government", "UK", 50000), ("Stark Industries", "Enterprise", "USA", 500000),
                    ("Wayne Enterprises", "Enterprise", "USA", 250000), ("Hooli", "Retail", "India", 10000),
                })
                {
                    var customer = new JsonObject { ["customer_name"] = name, ["customer_group"] = group, ["territory"] = territory, ["credit_limit"] = limit };
                    await replayer.SetupAsync("POST", "api/resource/Sync%20Customer", customer.ToJsonString(), ct);
                }

                await replayer.SetupAsync("POST", "api/resource/Sync%20Order", """
                    {"naming_series": "SO-.YYYY.-.#####", "customer": "Globex Ltd", "transaction_date": "2026-11-21",
                     "items": [{"item_code": "ITEM-001", "qty": 2, "rate": 10, "amount": 20}, {"item_code": "ITEM-002", "qty": 1, "rate": 25.5, "amount": 25.5}],
                     "total": 45.5, "notes": "links to Globex", "status": "Draft"}
                    """, ct);
                for (var i = 0; i < 24; i++)
                    await replayer.SetupAsync("POST", "api/resource/Sync%20Note", $$"""{"title": "note {{i:00}}"}""", ct);
                break;
            case "30":
                // The recorded site never ran its setup wizard: System Settings had no time zone or language yet.
                replayer.Site.Backdoor.SetValue("System Settings", "System Settings", "time_zone", null);
                replayer.Site.Backdoor.SetValue("System Settings", "System Settings", "language", null);
                break;
            case "37":
                replayer.Recorder.RespondWith("/wh/item/fail-500", 500);
                break;
        }
    }
}
