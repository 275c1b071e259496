namespace ErpSync.TestKit.Store;

/// <summary>
/// The PostgreSQL server tests may use, named by <c>ERPSYNC_TEST_POSTGRES</c> (an Npgsql connection string
/// for a role allowed to create databases). Without it, tests skip with a visible reason — except in CI
/// (<c>CI=true</c>), where a missing server is a failure, never a silent pass.
/// </summary>
public static class PostgresTestServer
{
    public const string EnvironmentVariable = "ERPSYNC_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The server's connection string; skips the current test locally, or fails it in CI, when none is set.</summary>
    public static string Require()
    {
        if (ConnectionString is { } connectionString)
            return connectionString;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{EnvironmentVariable} is not set, and CI=true: PostgreSQL tests must run in CI. "
                + ".ci/run starts a server and exports it; set it to an Npgsql connection string such as "
                + "Host=127.0.0.1;Port=5432;Username=erpsync;Password=…;Database=erpsync_test.");
        }

        Assert.Skip($"PostgreSQL tests skipped: set {EnvironmentVariable} to an Npgsql connection string (see README) to run them.");
        return "";
    }
}
