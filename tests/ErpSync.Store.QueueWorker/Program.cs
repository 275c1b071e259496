using ErpSync.Core.State;
using ErpSync.Store;

// Modes, driven by ErpSync.Store.Tests (the database setting comes from ERPSYNC_WORKER_DB so no
// password shows in a process list):
//   drain OWNER WORKERS CLAIM    print "ready", wait for a line on stdin, claim and complete until the
//                                queue is empty, printing "claimed ID" for each item, then "done"
//   claim-and-hang OWNER SECONDS claim one item with that lease, print "claimed ID", never finish
//   lock-and-hang KEY            take the document lock KEY, print "locked", never release it
var setting = Environment.GetEnvironmentVariable("ERPSYNC_WORKER_DB")
    ?? throw new InvalidOperationException("ERPSYNC_WORKER_DB is not set.");
await using var database = await StateDatabase.OpenAsync(setting, TimeProvider.System, null, CancellationToken.None);
var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };

switch (args)
{
    case ["drain", var owner, var workers, var claim]:
        await Say("ready");
        await Console.In.ReadLineAsync();
        var lines = new List<string>[int.Parse(workers, System.Globalization.CultureInfo.InvariantCulture)];
        await Task.WhenAll(Enumerable.Range(0, lines.Length).Select(w => Task.Run(async () =>
        {
            var mine = lines[w] = [];
            while (true)
            {
                var items = await database.Queue.ClaimAsync($"{owner}-{w}", int.Parse(claim, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(5), CancellationToken.None);
                if (items.Count == 0 && await database.Queue.GetStatsAsync(CancellationToken.None) is { Pending: 0 })
                    return;
                foreach (var item in items)
                {
                    mine.Add($"claimed {item.Id}");
                    await database.Queue.CompleteAsync(item.Id, $"{owner}-{w}", CancellationToken.None);
                }
            }
        })));
        foreach (var line in lines.SelectMany(l => l))
            await output.WriteLineAsync(line);
        await Say("done");
        return 0;

    case ["claim-and-hang", var owner, var seconds]:
        var claimed = await database.Queue.ClaimAsync(owner, 1, TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        await Say(claimed.Count == 1 ? $"claimed {claimed[0].Id}" : "nothing");
        await Task.Delay(Timeout.Infinite);
        return 0;

    case ["lock-and-hang", var key]:
        await using (await database.Locks.AcquireAsync(key, CancellationToken.None))
        {
            await Say("locked");
            await Task.Delay(Timeout.Infinite);
        }

        return 0;

    default:
        await Console.Error.WriteLineAsync("usage: drain OWNER WORKERS CLAIM | claim-and-hang OWNER SECONDS | lock-and-hang KEY");
        return 2;
}

async Task Say(string line)
{
    await output.WriteLineAsync(line);
    await output.FlushAsync();
}
