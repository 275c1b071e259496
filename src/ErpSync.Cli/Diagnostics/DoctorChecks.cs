using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Diagnostics;

/// <summary>The doctor checks that need no site: files, configuration, secrets, database and log locations (the database is opened by <see cref="DatabaseDiagnostics"/>).</summary>
internal static class DoctorChecks
{
    /// <summary>The local checks, and the configuration when it could be read (strictly, or leniently when it has problems).</summary>
    public static (List<DoctorCheck> Checks, ErpSyncConfig? Config) RunLocal(CommandContext context)
    {
        var sources = context.Sources;
        var checks = new List<DoctorCheck>
        {
            FileCheck("env_file", ".env file", sources.EnvFilePath, "values come from the process environment only"),
            FileCheck("config_file", "config.yaml", sources.ConfigFilePath, "run 'erpsync init' to write one"),
        };

        ErpSyncConfig? config = null;
        try
        {
            var loaded = ConfigLoader.Load(sources, ConfigRequirements.All);
            config = loaded.Config;
            context.Host.Redactor.Add(config);
            checks.Add(new DoctorCheck("configuration", "configuration", CheckStatus.Ok,
                $"valid; {config.SyncRules.DocTypes.Count} DocType(s): {string.Join(", ", config.SyncRules.DocTypes)}"));
            checks.AddRange(loaded.Warnings.Select(w => new DoctorCheck("configuration", "configuration", CheckStatus.Warn, w)));
        }
        catch (ConfigurationException ex)
        {
            checks.AddRange(ex.Errors.Select(e => new DoctorCheck("configuration", "configuration", CheckStatus.Fail,
                $"{e.Source}{(e.Line is { } l ? $":{l}" : "")}: {e.Key}{(e.Key.Length > 0 ? ": " : "")}{e.Problem}", e.Fix)));
            config = TryLoadLenient(sources);
        }

        if (config is not null)
        {
            checks.Add(DatabaseCheck(config.Database));
            checks.Add(FolderCheck("log_file", "log file", config.Log.File));
        }
        else
        {
            checks.Add(new DoctorCheck("database", "state database", CheckStatus.Skip, "skipped until the configuration is valid"));
        }

        return (checks, config);
    }

    private static ErpSyncConfig? TryLoadLenient(ConfigSources sources)
    {
        try
        {
            return ConfigLoader.Load(sources, ConfigRequirements.None).Config;
        }
        catch (ConfigurationException)
        {
            return null;
        }
    }

    private static DoctorCheck FileCheck(string name, string title, string path, string whenMissing) =>
        File.Exists(path)
            ? new DoctorCheck(name, title, CheckStatus.Ok, path)
            : new DoctorCheck(name, title, CheckStatus.Warn, $"{path} not found; {whenMissing}");

    private static DoctorCheck DatabaseCheck(DatabaseSettings database)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            return new DoctorCheck("database", "state database", CheckStatus.Ok, database.Display);
        }

        var check = FolderCheck("database", "state database", database.SqlitePath!);
        if (check.Status != CheckStatus.Ok) return check;
        return File.Exists(database.SqlitePath)
            ? check with { Message = $"{database.Display} ({new FileInfo(database.SqlitePath!).Length / 1024} KiB)" }
            : check with { Status = CheckStatus.Warn, Message = $"{database.Display} does not exist yet", Fix = "run 'erpsync init' to create it" };
    }

    private static DoctorCheck FolderCheck(string name, string title, string file)
    {
        var folder = Path.GetDirectoryName(file) ?? ".";
        if (!Directory.Exists(folder))
        {
            return new DoctorCheck(name, title, CheckStatus.Fail, $"folder {folder} does not exist", $"create it (mkdir -p {folder}) or point {title} elsewhere");
        }

        // Writing a probe is the only reliable answer to "may this process create files here?" (ACLs, read-only mounts).
        var probe = Path.Combine(folder, $".erpsync-doctor-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return new DoctorCheck(name, title, CheckStatus.Ok, file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new DoctorCheck(name, title, CheckStatus.Fail, $"cannot create files in {folder}: {ex.Message.TrimEnd('.')}",
                "give the user running erpsync write access to that folder");
        }
    }
}
