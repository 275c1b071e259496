using ErpSync.Cli.Configuration;
using ErpSync.Cli.Tests.Support;

namespace ErpSync.Cli.Tests.Configuration;

public sealed class YamlValidationTests
{
    [Fact]
    public void Load_UnknownStrategy_SuggestsTheClosest()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", "sync_rules:\n  doctypes: [Customer]\n  conflict_resolution: latest\n");

        var error = ConfigLoading.Refused(folder);

        error.Message.ShouldBe($"{folder.File("config.yaml")}:3:24: sync_rules.conflict_resolution: unknown conflict strategy 'latest'. " +
            "Did you mean 'latest_timestamp'? Use one of: merge, latest_timestamp, cloud_wins, local_wins, manual.");
    }

    [Fact]
    public void Load_UnknownKey_SuggestsTheClosest()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", "sync_rules:\n  doctypes: [Customer]\n  conflict_resolutoin: manual\n");

        var error = ConfigLoading.Refused(folder);

        error.Message.ShouldStartWith($"{folder.File("config.yaml")}:3:3: sync_rules.conflict_resolutoin: unknown key 'conflict_resolutoin'. Did you mean 'conflict_resolution'?");
    }

    [Fact]
    public void Load_BadYaml_ReportsLineAndColumn()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", "sync_rules:\n  doctypes:\n    - Customer\n  batch_size: [1\n");

        var error = ConfigLoading.Refused(folder);

        error.Errors.Count.ShouldBe(1);
        error.Errors[0].Line.ShouldBe(5);
        error.Message.ShouldContain("is not valid YAML");
    }

    [Fact]
    public void Load_DuplicateYamlKey_IsRefused()
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", "sync_rules:\n  doctypes: [Customer]\n  batch_size: 10\n  batch_size: 20\n");

        var error = ConfigLoading.Refused(folder);

        error.Message.ShouldContain("config.yaml:4:");
        error.Message.ShouldContain("is not valid YAML");
    }

    [Theory]
    [InlineData("sync_rules:\n  doctypes: Customer\n  batch_size: lots\n", "sync_rules.batch_size: 'lots' is not a whole number")]
    [InlineData("sync_rules:\n  doctypes: Customer\n  batch_size: 5000\n", "sync_rules.batch_size: 5000 is out of range. Use a whole number from 1 to 1000")]
    [InlineData("sync_rules:\n  doctypes: Customer\n  retry: 3\n", "sync_rules.retry: expected a section of 'key: value' lines, found '3'")]
    [InlineData("sync_rules:\n  doctypes: {a: b}\n", "sync_rules.doctypes: expected a list")]
    [InlineData("sync_rules:\n  doctypes: [Customer, Customer]\n", "sync_rules.doctypes[1]: 'Customer' is listed twice")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  merge_fallback: merge\n", "sync_rules.merge_fallback: merge cannot be its own fallback")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  doctype_rules:\n    Customr: {direction: cloud_to_local}\n", "sync_rules.doctype_rules.Customr: 'Customr' is not in sync_rules.doctypes. Did you mean 'Customer'?")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  doctype_rules:\n    Customer: {direction: both}\n", "sync_rules.doctype_rules.Customer.direction: unknown direction 'both'. Use one of: bidirectional, cloud_to_local, local_to_cloud")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  doctype_rules:\n    Customer: {naming: series}\n", "unknown naming mode 'series'. Use one of: auto, same, mapped")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  doctype_rules:\n    Customer: {key_fields: [item_code]}\n", "key_fields: expected child table fieldnames with their row keys")]
    [InlineData("sync_rules:\n  doctypes: [Customer]\n  exclude_fields: [Customer Name]\n", "'Customer Name' is not a fieldname")]
    [InlineData("sync_rules:\n  doctypes: []\n", "sync_rules.doctypes: is empty")]
    [InlineData("server:\n  reconcile_schedule: daily 25:00\n", "server.reconcile_schedule: 'daily 25:00': '25:00' is not a time of day")]
    [InlineData("server:\n  sweep_interval_seconds: 2\n", "server.sweep_interval_seconds: 2 seconds would poll both sites nonstop")]
    [InlineData("alerts:\n  webhook_url: not-a-url\n", "alerts.webhook_url: is not an http(s) URL")]
    [InlineData("alerts:\n  thresholds: {errorz: 3}\n", "alerts.thresholds.errorz: unknown key 'errorz'. Did you mean 'errors'?")]
    [InlineData("log:\n  level: loud\n", "log.level: unknown level 'loud'")]
    [InlineData("syncrules:\n  doctypes: [Customer]\n", "syncrules: unknown key 'syncrules'. Did you mean 'sync_rules'?")]
    public void Load_BadValue_IsRefusedWithKeyAndFix(string yaml, string expected)
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write("config.yaml", yaml);

        var error = ConfigLoading.Refused(folder);

        error.Errors.Select(e => e.ToString()).ShouldContain(e => e.Contains(expected, StringComparison.Ordinal), error.Message + string.Join('\n', error.DetailLines));
    }

    [Fact]
    public void Load_ManyProblems_AreAllReported()
    {
        using var folder = new TempFolder();
        folder.Write(".env", "CLOUD_ERP_URL=erp.example.com\nCLOUD_API_SECRT=x\nWEBHOOK_PORT=99999\n");
        folder.Write("config.yaml", "sync_rules:\n  doctypes: [Customer]\n  conflict_resolution: newest\n  batch_size: -1\n");

        var error = ConfigLoading.Refused(folder);

        error.Message.ShouldBe("the configuration has 11 problems:");
        var lines = string.Join('\n', error.DetailLines);
        lines.ShouldContain("CLOUD_ERP_URL: has no http://");
        lines.ShouldContain("CLOUD_API_SECRT: is not a setting ErpSync knows. Did you mean 'CLOUD_API_SECRET'?");
        lines.ShouldContain("WEBHOOK_PORT: '99999' is not a TCP port");
        lines.ShouldContain("conflict_resolution: unknown conflict strategy 'newest'");
        lines.ShouldContain("batch_size: -1 is out of range");
        lines.ShouldContain("LOCAL_ERP_URL: is missing");
        lines.ShouldContain("WEBHOOK_SECRET: is missing");
    }
}
