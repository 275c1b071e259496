using ErpSync.Cli.Configuration;
using ErpSync.Cli.Tests.Support;

namespace ErpSync.Cli.Tests.Configuration;

public sealed class EnvValidationTests
{
    [Fact]
    public void Load_MissingSecret_NamesTheKeyAndTheFile()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv.Replace($"CLOUD_API_SECRET={ConfigFiles.CloudSecret}", "CLOUD_API_SECRET=", StringComparison.Ordinal));

        var error = ConfigLoading.Refused(folder);

        error.Errors.Count.ShouldBe(1);
        error.Message.ShouldStartWith($"{folder.File(".env")}: CLOUD_API_SECRET: is missing.");
        error.Message.ShouldContain("Generate Keys");
    }

    [Fact]
    public void Load_MissingSecrets_NotNeeded_AreAccepted()
    {
        using var folder = new TempFolder();

        var config = ConfigLoading.Load(folder, ConfigRequirements.None).Config;

        config.Cloud.ShouldBeNull();
        config.Webhook.Secret.ShouldBeNull();
    }

    [Fact]
    public void Load_MissingWebhookSecret_WhenNeeded_IsRefused()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv.Replace($"WEBHOOK_SECRET={ConfigFiles.WebhookSecret}", "", StringComparison.Ordinal));

        ConfigLoading.Refused(folder).Message.ShouldContain("WEBHOOK_SECRET: is missing. Set it to a long random string");
    }

    [Fact]
    public void Load_PlaceholderFromTheOriginalExample_IsRefusedByName()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv.Replace("cloudkey123", "your_actual_cloud_api_key_here", StringComparison.Ordinal));

        var error = ConfigLoading.Refused(folder);

        error.Message.ShouldBe($"{folder.File(".env")}:2: CLOUD_API_KEY: still holds the example placeholder. " +
            "In the cloud site open the user ErpSync acts as (User list > the user > Settings > API Access), press Generate Keys, " +
            "and copy the API Key into CLOUD_API_KEY and the API Secret (shown only once) into CLOUD_API_SECRET.");
    }

    [Theory]
    [InlineData("erp.example.com", "has no http:// or https:// in front")]
    [InlineData("ftp://erp.example.com", "uses the scheme 'ftp'")]
    [InlineData("https://admin:pw@erp.example.com", "contains a user name or password")]
    [InlineData("https://erp.example.com/api", "points inside the site (/api or /app)")]
    [InlineData("https://erp.example.com/?x=1", "has a query (?…) or fragment (#…)")]
    [InlineData("http://", "is not a valid URL")]
    public void Load_MalformedUrl_IsRefusedWithTheReason(string url, string problem)
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv.Replace("https://erp.example.com", url, StringComparison.Ordinal));

        var error = ConfigLoading.Refused(folder);

        error.Message.ShouldStartWith($"{folder.File(".env")}:1: CLOUD_ERP_URL: {problem}.");
        error.Message.ShouldNotContain("pw@");
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("0")]
    [InlineData("http")]
    public void Load_BadPort_IsRefused(string port)
    {
        using var folder = ConfigFiles.ValidFolder();

        var error = ConfigLoading.Refused(folder, environment: new Dictionary<string, string> { ["WEBHOOK_PORT"] = port });

        error.Message.ShouldBe($"environment: WEBHOOK_PORT: '{port}' is not a TCP port. Use a whole number from 1 to 65535 (default 5000).");
    }

    [Fact]
    public void Load_ForeignEnvKeys_AreIgnored()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv + "\nDJANGO_SECRET_KEY=abc\nDEBUG=False\nALLOWED_HOSTS=localhost\n");

        Should.NotThrow(() => ConfigLoading.Load(folder));
    }

    [Fact]
    public void Load_Errors_NeverContainSecretValues()
    {
        using var folder = new TempFolder();
        const string secret = "Sup3r-S3cret-Value-0042";
        folder.Write(".env", $"CLOUD_ERP_URL=https://admin:{secret}@erp.example.com\nCLOUD_API_SECRET=\"{secret}\" trailing\nERPSYNC_DB=postgres://u:{secret}@db/erp?bogus=1\n{secret}\nWEBHOOK_SECRET={secret}\nLOCAL_API_SECRET={secret}\n");
        folder.Write("config.yaml", $"alerts:\n  webhook_url: ftp://{secret}\n");

        var error = ConfigLoading.Refused(folder);

        var everything = error.Message + string.Join('\n', error.DetailLines) + string.Join('\n', error.Errors);
        everything.ShouldNotContain(secret);
        error.Errors.Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Theory]
    [InlineData("postgres://erpsync:p%40ss;word@db.example.com:6432/erp?sslmode=require", "PostgreSQL db.example.com:6432/erp", "p@ss;word")]
    [InlineData("postgresql://erpsync@db.example.com/erp", "PostgreSQL db.example.com:5432/erp", null)]
    [InlineData("Host=db.example.com;Port=5433;Database=erp;Username=erpsync;Password=pw-123456", "PostgreSQL db.example.com:5433/erp", "pw-123456")]
    public void Load_PostgresDatabase_IsParsedWithoutShowingThePassword(string value, string display, string? password)
    {
        using var folder = ConfigFiles.ValidFolder();

        var config = ConfigLoading.Load(folder, environment: new Dictionary<string, string> { ["ERPSYNC_DB"] = value }).Config;

        config.Database.Provider.ShouldBe(DatabaseProvider.PostgreSql);
        config.Database.Display.ShouldBe(display);
        config.Database.ToString().ShouldNotContain("pw-123456");
        config.Database.ToString().ShouldNotContain("p@ss");
        config.Database.Password?.Reveal().ShouldBe(password);
        config.Database.ConnectionString!.Reveal().ShouldContain("Host=db.example.com");
        if (password is not null) config.Secrets().Select(s => s.Reveal()).ShouldContain(password);
    }

    [Theory]
    [InlineData("mysql://u:p@db/erp", "names a database ErpSync does not support")]
    [InlineData("Host=db;Databse=erp", "has the keyword 'Databse', which is not a PostgreSQL connection setting")]
    [InlineData("postgres://db.example.com", "has no database name")]
    public void Load_BadDatabase_IsRefused(string value, string problem)
    {
        using var folder = ConfigFiles.ValidFolder();

        var error = ConfigLoading.Refused(folder, environment: new Dictionary<string, string> { ["ERPSYNC_DB"] = value });

        error.Message.ShouldStartWith($"environment: ERPSYNC_DB: {problem}");
    }
}
