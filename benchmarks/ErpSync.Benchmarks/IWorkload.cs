namespace ErpSync.Benchmarks;

/// <summary>
/// One benchmark, run by name: <c>dotnet run -c Release --project benchmarks/ErpSync.Benchmarks -- NAME [--option value]…</c>.
/// To add one, implement this and list it in Program.cs.
/// </summary>
internal interface IWorkload
{
    /// <summary>The first command-line argument that selects it (e.g. <c>store-enqueue</c>).</summary>
    string Name { get; }

    /// <summary>One line for the list of workloads.</summary>
    string Description { get; }

    /// <summary>Runs it and prints its results; returns the exit code.</summary>
    Task<int> RunAsync(WorkloadArguments arguments, TextWriter output, CancellationToken cancellationToken);
}
