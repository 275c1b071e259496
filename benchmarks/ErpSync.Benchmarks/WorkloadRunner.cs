namespace ErpSync.Benchmarks;

/// <summary>Picks the workload named by the first argument; with none, lists them.</summary>
internal static class WorkloadRunner
{
    public static async Task<int> RunAsync(IReadOnlyList<IWorkload> workloads, string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
        {
            Console.WriteLine("usage: dotnet run -c Release --project benchmarks/ErpSync.Benchmarks -- <workload> [--option value]...");
            foreach (var workload in workloads)
                Console.WriteLine($"  {workload.Name,-20} {workload.Description}");
            return args.Length == 0 ? 2 : 0;
        }

        var chosen = workloads.FirstOrDefault(w => string.Equals(w.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            await Console.Error.WriteLineAsync($"Unknown workload '{args[0]}'. Known: {string.Join(", ", workloads.Select(w => w.Name))}.");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            return await chosen.RunAsync(new WorkloadArguments(args.Skip(1)), Console.Out, cancel.Token);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"{chosen.Name}: {ex.Message}");
            return 2;
        }
    }
}
