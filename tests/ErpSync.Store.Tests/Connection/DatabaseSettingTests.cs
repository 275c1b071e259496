using ErpSync.Store.Connection;
using Npgsql;

namespace ErpSync.Store.Tests.Connection;

public sealed class DatabaseSettingTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NoSetting_IsSyncStateDbInTheCurrentFolder(string? setting)
    {
        var parsed = DatabaseSetting.Parse(setting);

        parsed.Provider.ShouldBe(StateProvider.Sqlite);
        parsed.Description.ShouldBe($"SQLite {Path.GetFullPath("sync_state.db")}");
    }

    [Fact]
    public void Parse_SqlitePathInMissingFolder_IsRefusedNamingTheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "erpsync-missing-" + Guid.NewGuid().ToString("N"));

        var error = Should.Throw<StateDatabaseException>(() => DatabaseSetting.Parse(Path.Combine(folder, "state.db")));

        error.Message.ShouldContain(folder);
        error.Message.ShouldContain("does not exist");
    }

    [Fact]
    public void Parse_PostgresUrl_BecomesNpgsqlSettingsWithDecodedPassword()
    {
        var parsed = DatabaseSetting.Parse("postgres://sync%40erp:p%40ss%3Aw0rd@db.example.com:6543/erp_state?sslmode=require&application_name=erpsync-a");

        parsed.Provider.ShouldBe(StateProvider.Postgres);
        var builder = new NpgsqlConnectionStringBuilder(parsed.ConnectionString);
        (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database).ShouldBe(("db.example.com", 6543, "sync@erp", "p@ss:w0rd", "erp_state"));
        builder.SslMode.ShouldBe(SslMode.Require);
        builder.ApplicationName.ShouldBe("erpsync-a");
        builder.MaxPoolSize.ShouldBe(DatabaseSetting.DefaultMaxPoolSize);
        parsed.Description.ShouldBe("PostgreSQL sync@erp@db.example.com:6543/erp_state");
    }

    [Fact]
    public void Parse_PostgresqlUrlWithoutPort_UsesTheDefaultPort()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseSetting.Parse("postgresql://erp@localhost/state").ConnectionString);

        (builder.Host, builder.Port, builder.Database).ShouldBe(("localhost", 5432, "state"));
    }

    [Theory]
    [InlineData("Host=pg.internal;Port=5433;Username=erp;Password=Sekr1t!;Database=state;Maximum Pool Size=5", 5)]
    [InlineData("Server=pg.internal;Port=5433;User ID=erp;Password=Sekr1t!;Database=state", 20)]
    public void Parse_NpgsqlString_KeepsGivenPoolSizeOrCapsIt(string setting, int poolSize)
    {
        var parsed = DatabaseSetting.Parse(setting);

        parsed.Provider.ShouldBe(StateProvider.Postgres);
        new NpgsqlConnectionStringBuilder(parsed.ConnectionString).MaxPoolSize.ShouldBe(poolSize);
        parsed.Description.ShouldBe("PostgreSQL erp@pg.internal:5433/state");
    }

    [Theory]
    [InlineData("postgres://erp:Sekr1t!@db/state")]
    [InlineData("postgres://erp:Sekr1t!@db/state?password=Sekr1t!")]
    [InlineData("Host=db;Username=erp;Password=Sekr1t!;Database=state")]
    [InlineData("Host=db;Username=erp;Password=Sekr1t!;Database=state;Search Path=erpsync")]
    public void Parse_AnyPostgresSetting_DescriptionNeverHoldsThePassword(string setting)
    {
        var parsed = DatabaseSetting.Parse(setting);

        parsed.Description.ShouldNotContain("Sekr1t");
        parsed.ToString().ShouldNotContain("Sekr1t");
        parsed.Description.ShouldStartWith("PostgreSQL erp@db:5432/state");
    }

    [Theory]
    [InlineData("postgres://erp:Sekr1t!@db/state?sslmode=sometimes", "sslmode=sometimes")]
    [InlineData("postgres://erp:Sekr1t!@db/state?colour=blue", "'colour'")]
    [InlineData("postgres://", "not a valid URL")]
    [InlineData("Host=db;Frobnicate=yes;Password=Sekr1t!", "frobnicate")]
    public void Parse_BadPostgresSetting_IsRefusedClearlyWithoutThePassword(string setting, string expected)
    {
        var error = Should.Throw<StateDatabaseException>(() => DatabaseSetting.Parse(setting));

        error.Message.ShouldContain(expected, Case.Insensitive);
        error.Message.ShouldNotContain("Sekr1t");
    }
}
