namespace ErpSync.Benchmarks.Harness;

/// <summary>Options shared by the sync workloads: repeats, quick mode, dataset sizes, PostgreSQL server.</summary>
internal sealed record BenchmarkSettings
{
    /// <summary>Runs per figure; the median is reported.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>Smoke mode: small datasets, one repeat, short load phases.</summary>
    public bool Quick { get; init; }

    public int Customers { get; init; } = 10_000;

    public int Items { get; init; } = 2_000;

    public int SalesOrders { get; init; } = 5_000;

    /// <summary>Largest size of the scale curve (100k, capped in quick mode).</summary>
    public int ScaleMax { get; init; } = 100_000;

    /// <summary>The client's and the engine's concurrency (both default to 8 in the product).</summary>
    public int Concurrency { get; init; } = 8;

    public string? Postgres { get; init; }

    public int Documents => Customers + Items + SalesOrders;

    public static BenchmarkSettings From(WorkloadArguments arguments)
    {
        var quick = arguments.Flag("quick");
        var settings = new BenchmarkSettings
        {
            Quick = quick,
            Repeats = arguments.Integer("repeats", quick ? 1 : 3),
            Customers = arguments.Integer("customers", quick ? 500 : 10_000),
            Items = arguments.Integer("items", quick ? 100 : 2_000),
            SalesOrders = arguments.Integer("orders", quick ? 250 : 5_000),
            ScaleMax = arguments.Integer("scale-max", quick ? 10_000 : 100_000),
            Postgres = arguments.OptionalText("postgres")
                ?? Environment.GetEnvironmentVariable("ERPSYNC_BENCH_POSTGRES")
                ?? Environment.GetEnvironmentVariable("ERPSYNC_TEST_POSTGRES"),
        };
        return settings;
    }

    /// <summary>Seconds of a timed load phase (webhook intake, end-to-end edits).</summary>
    public int LoadSeconds => Quick ? 2 : 6;
}
