using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Meta;

namespace ErpSync.Emulator.Seeding;

/// <summary>The ERPNext-like part of a site: schema, controllers, global defaults and a fresh site's masters.</summary>
internal static class ErpNextSetup
{
    public static void Install(SiteRuntime site)
    {
        var definitions = SchemaLoader.Embedded("ErpNext");
        if (definitions.Count > 0)
            SchemaLoader.Install(site, definitions);
    }
}
