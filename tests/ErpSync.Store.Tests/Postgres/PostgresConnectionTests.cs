using ErpSync.TestKit.Time;
using Npgsql;

namespace ErpSync.Store.Tests.Postgres;

public sealed class PostgresConnectionTests(PostgresTarget target) : IClassFixture<PostgresTarget>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAsync_WrongPassword_FailsClearlyWithoutRevealingIt()
    {
        var setting = new NpgsqlConnectionStringBuilder(await target.NewSettingAsync(Ct)) { Password = "Wr0ng-Sekr1t" }.ConnectionString;

        var error = await Should.ThrowAsync<StateDatabaseException>(() => StateDatabase.OpenAsync(setting, new FakeTimeProvider(), null, Ct));

        error.Message.ShouldContain("Cannot open the state database PostgreSQL");
        error.ToString().ShouldNotContain("Wr0ng-Sekr1t");
    }

    [Fact]
    public async Task OpenAsync_PostgresUrl_OpensAndDescribesItWithoutThePassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(await target.Database.GetConnectionStringAsync(Ct));
        var url = $"postgres://{Uri.EscapeDataString(builder.Username!)}:{Uri.EscapeDataString(builder.Password!)}@{builder.Host}:{builder.Port}/{builder.Database}";

        await using var db = await StateDatabase.OpenAsync(url, new FakeTimeProvider(), null, Ct);

        db.Provider.ShouldBe(StateProvider.Postgres);
        db.Description.ShouldBe($"PostgreSQL {builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}");
        (await db.Queue.GetStatsAsync(Ct)).ShouldBe(new Core.State.QueueStats());
    }
}
