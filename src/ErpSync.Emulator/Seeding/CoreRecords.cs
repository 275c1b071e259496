using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Meta;

namespace ErpSync.Emulator.Seeding;

/// <summary>What every Frappe site has: roles, modules, the Administrator and Guest users, System Settings.</summary>
internal static class CoreRecords
{
    public static void Seed(SiteRuntime site)
    {
        var options = site.Options;
        site.Write("Administrator", ctx =>
        {
            foreach (var role in new[] { "Administrator", "System Manager", "Guest", "All" })
                Fixtures.Insert(ctx, "Role", "role_name", role);
            foreach (var module in new[] { "Core", "Custom", "Integrations", "Desk", "Setup" })
                Fixtures.Insert(ctx, "Module Def", "module_name", module, "app_name", "frappe");
            Fixtures.Insert(ctx, "User", "name", "Administrator", "email", "admin@example.com", "first_name", "Administrator", "full_name", "Administrator");
            Fixtures.Insert(ctx, "User", "name", "Guest", "email", "guest@example.com", "first_name", "Guest", "full_name", "Guest", "user_type", "Website User");
            if (options.User is not ("Administrator" or "Guest"))
                Fixtures.Insert(ctx, "User", "name", options.User, "email", options.User.Contains('@', StringComparison.Ordinal) ? options.User : $"{options.User}@example.com",
                    "first_name", options.User, "full_name", options.User, "api_key", options.ApiKey);
            Fixtures.Insert(ctx, "System Settings", "language", "en", "time_zone", options.TimeZone, "setup_complete", options.SeedErpNext ? 1L : 0L);
            return 0;
        });
    }
}
