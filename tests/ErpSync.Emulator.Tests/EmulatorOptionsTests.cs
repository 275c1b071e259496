using System.Text.Json.Nodes;

namespace ErpSync.Emulator.Tests;

public sealed class EmulatorOptionsTests
{
    [Theory]
    [InlineData(-1, "Asia/Kolkata", "Port")]
    [InlineData(0, "Mars/Olympus", "Unknown time zone 'Mars/Olympus'")]
    public void Validate_BadSetting_NamesIt(int port, string zone, string fragment) =>
        Should.Throw<ArgumentException>(() => new EmulatorOptions { Port = port, TimeZone = zone }.Validate()).Message.ShouldContain(fragment);

    [Fact]
    public void Validate_ApiKeyWithColon_Refused() =>
        Should.Throw<ArgumentException>(() => new EmulatorOptions { ApiKey = "a:b" }.Validate()).ParamName.ShouldBe("ApiKey");

    [Fact]
    public void ToString_NeverShowsSecrets()
    {
        var text = new EmulatorOptions { ApiSecret = "top-secret-1", WebhookSecret = "hook-secret-2" }.ToString();

        text.ShouldNotContain("top-secret-1");
        text.ShouldNotContain("hook-secret-2");
        text.ShouldContain("emulator-key");
    }

    [Fact]
    public void FrappeLike_HasFrappesRetryTimings()
    {
        var frappe = WebhookDeliveryOptions.FrappeLike;

        frappe.RetryWaits.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(7)]);
        frappe.MaxAttempts.ShouldBe(3);
        frappe.AttemptTimeout.ShouldBeNull();
    }

    [Fact]
    public async Task StartAsync_DocTypesDirectory_LoadsFrappeExportsRecursively()
    {
        var directory = Directory.CreateTempSubdirectory("erpsync-doctypes-");
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(directory.FullName, "my_app", "doctype", "gadget"));
            await File.WriteAllTextAsync(Path.Combine(nested.FullName, "gadget.json"), """
                {"doctype": "DocType", "name": "Gadget", "module": "My App", "autoname": "field:gadget_name", "is_submittable": 1,
                 "fields": [{"fieldname": "gadget_name", "fieldtype": "Data", "label": "Gadget Name", "reqd": 1},
                            {"fieldname": "amended_from", "fieldtype": "Link", "options": "Gadget", "label": "Amended From", "read_only": 1}]}
                """, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "not-a-doctype.json"), """{"doctype": "Report", "name": "x"}""", TestContext.Current.CancellationToken);
            await using var site = await EmulatedSite.StartAsync(new EmulatorOptions { SeedErpNext = false, DocTypesDirectory = directory.FullName }, TestContext.Current.CancellationToken);

            var created = site.Backdoor.Insert("Gadget", new JsonObject { ["gadget_name"] = "G1" });
            site.Backdoor.Submit("Gadget", "G1");

            created["name"]!.GetValue<string>().ShouldBe("G1");
            site.Backdoor.Get("DocType", "Gadget")!["module"]!.GetValue<string>().ShouldBe("My App");
            site.Backdoor.Exists("DocType", "x").ShouldBeFalse();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_DocTypesDirectoryWithBrokenJson_FailsNamingTheFile()
    {
        var directory = Directory.CreateTempSubdirectory("erpsync-doctypes-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "broken.json"), "{\"doctype\": ", TestContext.Current.CancellationToken);

            var error = await Should.ThrowAsync<InvalidDataException>(() => EmulatedSite.StartAsync(new EmulatorOptions { SeedErpNext = false, DocTypesDirectory = directory.FullName }, TestContext.Current.CancellationToken));

            error.Message.ShouldContain("broken.json");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
