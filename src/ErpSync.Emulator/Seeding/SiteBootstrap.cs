using ErpSync.Emulator.Controllers;
using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Meta;

namespace ErpSync.Emulator.Seeding;

/// <summary>Builds a fresh site: core schema and records, optionally ERPNext's, then extra DocTypes from a folder.</summary>
internal static class SiteBootstrap
{
    public static SiteRuntime Create(EmulatorOptions options)
    {
        var site = new SiteRuntime(options);
        site.Controllers.Add("DocType", new DocTypeController());
        site.Controllers.Add("Webhook", new WebhookController());
        site.Controllers.Add("System Settings", new SystemSettingsController());
        SchemaLoader.Install(site, SchemaLoader.Embedded("Core"));
        CoreRecords.Seed(site);
        if (options.SeedErpNext)
            ErpNextSetup.Install(site);
        if (options.DocTypesDirectory is { } directory)
            SchemaLoader.Install(site, SchemaLoader.FromDirectory(directory));
        return site;
    }
}
