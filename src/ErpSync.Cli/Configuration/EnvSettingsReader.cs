using System.Globalization;
using System.Net;
using ErpSync.Core.Configuration;
using ErpSync.Core.Sites;
using Serilog.Events;

namespace ErpSync.Cli.Configuration;

/// <summary>
/// Reads the settings of <c>.env</c> and the process environment (which wins) and checks them: missing
/// secrets, placeholders left from an example file, malformed URLs, ports, database strings, misspelt keys.
/// </summary>
internal sealed class EnvSettingsReader
{
    private static string ApiKeysHowTo(string site, string keyKey, string secretKey) =>
        $"In the {site} site open the user ErpSync acts as (User list > the user > Settings > API Access), press Generate Keys, " +
        $"and copy the API Key into {keyKey} and the API Secret (shown only once) into {secretKey}";

    private readonly EnvFile file;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly string currentDirectory;
    private readonly ConfigDiagnostics diagnostics;

    public EnvSettingsReader(EnvFile file, IReadOnlyDictionary<string, string> environment, string currentDirectory, ConfigDiagnostics diagnostics)
    {
        this.file = file;
        this.environment = environment;
        this.currentDirectory = currentDirectory;
        this.diagnostics = diagnostics;
    }

    public EnvSettings Read(ConfigRequirements requirements)
    {
        CheckUnknownKeys();
        var cloud = ReadSite(SiteName.Cloud, EnvKeys.CloudUrl, EnvKeys.CloudApiKey, EnvKeys.CloudApiSecret, requirements.HasFlag(ConfigRequirements.Sites));
        var local = ReadSite(SiteName.Local, EnvKeys.LocalUrl, EnvKeys.LocalApiKey, EnvKeys.LocalApiSecret, requirements.HasFlag(ConfigRequirements.Sites));
        var webhook = ReadWebhook(requirements.HasFlag(ConfigRequirements.WebhookSecret));
        var database = ReadDatabase();
        var strategy = ReadStrategy();
        var (level, logFile) = ReadLegacyLog();
        if (Get(EnvKeys.LegacySyncDocTypes) is { } docTypes)
        {
            diagnostics.Warn($"{docTypes.Source}: {EnvKeys.LegacySyncDocTypes} is ignored (the original tool never read it either); list DocTypes under sync_rules.doctypes in config.yaml");
        }

        return new EnvSettings(cloud, local, webhook, database, strategy, level, logFile);
    }

    /// <summary>The value of <paramref name="key"/>: the process environment wins over the file; blank counts as unset.</summary>
    public EnvValue? Get(string key)
    {
        if (environment.TryGetValue(key, out var fromProcess) && !string.IsNullOrWhiteSpace(fromProcess))
        {
            return new EnvValue(key, fromProcess.Trim(), EnvValue.EnvironmentSource, null, currentDirectory);
        }

        if (file.Entries.TryGetValue(key, out var entry) && !string.IsNullOrWhiteSpace(entry.Value))
        {
            return new EnvValue(key, entry.Value.Trim(), file.Path, entry.Line, Path.GetDirectoryName(file.Path) ?? currentDirectory);
        }

        return null;
    }

    private void CheckUnknownKeys()
    {
        foreach (var entry in file.Entries.Values)
        {
            if (EnvKeys.Known.Contains(entry.Key) || EnvKeys.Legacy.Contains(entry.Key)) continue;

            // A .env is often shared with other tools: only keys that look meant for ErpSync are refused.
            var suggestion = Suggestions.Closest(entry.Key, EnvKeys.Known);
            var ours = EnvKeys.OwnPrefixes.Any(p => entry.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase));
            if (suggestion is null && !ours) continue;
            var fix = suggestion is not null
                ? $"Did you mean '{suggestion}'? Rename it, or remove the line"
                : $"Remove the line; the keys ErpSync reads are {string.Join(", ", EnvKeys.Known)}";
            diagnostics.Error(new ConfigError(file.Path, entry.Key, "is not a setting ErpSync knows", fix, entry.Line));
        }
    }

    private SiteSettings? ReadSite(SiteName site, string urlKey, string apiKeyKey, string secretKey, bool required)
    {
        var word = site.ToWire();
        var url = Get(urlKey);
        var apiKey = Get(apiKeyKey);
        var secret = Get(secretKey);

        Uri? parsedUrl = null;
        if (url is not null)
        {
            if (SiteUrl.TryParse(url.Value, out parsedUrl, out var problem, out var fix))
            {
                if (site == SiteName.Cloud && parsedUrl!.Scheme == Uri.UriSchemeHttp && !SiteUrl.IsLoopback(parsedUrl))
                {
                    diagnostics.Warn($"{url.Source}: {urlKey} uses plain http: the API secret crosses the network unencrypted; use https unless the link is private");
                }
            }
            else
            {
                diagnostics.Error(url.Error(problem!, fix!));
            }
        }

        var howTo = ApiKeysHowTo(word, apiKeyKey, secretKey);
        CheckPlaceholder(apiKey, howTo);
        CheckPlaceholder(secret, howTo);

        var anySet = url is not null || apiKey is not null || secret is not null;
        if (required || anySet)
        {
            if (url is null)
            {
                Missing(urlKey, $"Set it to the {word} site's address, e.g. {(site == SiteName.Cloud ? "https://erp.example.com" : "http://localhost:8000")}");
            }

            if (apiKey is null) Missing(apiKeyKey, howTo);
            if (secret is null) Missing(secretKey, howTo);
        }

        return parsedUrl is not null && apiKey is not null && secret is not null && !IsPlaceholder(apiKey.Value) && !IsPlaceholder(secret.Value)
            ? new SiteSettings(site, parsedUrl, apiKey.Value, new Secret(secret.Value))
            : null;
    }

    private WebhookSettings ReadWebhook(bool secretRequired)
    {
        var host = WebhookSettings.DefaultHost;
        if (Get(EnvKeys.WebhookHost) is { } hostValue)
        {
            if (hostValue.Value == "*" || IPAddress.TryParse(hostValue.Value.Trim('[', ']'), out _) || Uri.CheckHostName(hostValue.Value) == UriHostNameType.Dns)
            {
                host = hostValue.Value;
            }
            else
            {
                diagnostics.Error(hostValue.Error($"'{hostValue.Value}' is not an IP address or host name", "Use 0.0.0.0 to listen on every interface, or 127.0.0.1 for this machine only"));
            }
        }

        var port = WebhookSettings.DefaultPort;
        if (Get(EnvKeys.WebhookPort) is { } portValue)
        {
            if (int.TryParse(portValue.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= 65535)
            {
                port = parsed;
            }
            else
            {
                diagnostics.Error(portValue.Error($"'{portValue.Value}' is not a TCP port", "Use a whole number from 1 to 65535 (default 5000)"));
            }
        }

        const string secretFix = "Set it to a long random string (e.g. the output of: openssl rand -hex 32); erpsync setup-webhook puts the same secret on both sites";
        var secret = Get(EnvKeys.WebhookSecret);
        CheckPlaceholder(secret, secretFix);
        if (secret is null && secretRequired) Missing(EnvKeys.WebhookSecret, secretFix);
        if (secret is not null && secret.Value.Length < 16)
        {
            diagnostics.Warn($"{secret.Source}: {EnvKeys.WebhookSecret} is shorter than 16 characters; a longer random secret is much harder to guess");
        }

        return new WebhookSettings(host, port, secret is null || IsPlaceholder(secret.Value) ? null : new Secret(secret.Value));
    }

    private DatabaseSettings ReadDatabase()
    {
        var value = Get(EnvKeys.Database) ?? Get(EnvKeys.LegacyDatabaseUrl);
        if (value is null) return DatabaseSettingsParser.Default(currentDirectory);
        return DatabaseSettingsParser.Parse(value, diagnostics) ?? DatabaseSettingsParser.Default(currentDirectory);
    }

    private ConflictStrategy? ReadStrategy()
    {
        if (Get(EnvKeys.ConflictResolution) is not { } value) return null;
        if (ConfigNames.TryParse<ConflictStrategy>(value.Value, out var strategy)) return strategy;
        var hint = Suggestions.DidYouMean(value.Value, ConfigNames.Strategies);
        diagnostics.Error(value.Error($"'{value.Value}' is not a conflict strategy",
            $"{hint} Use one of: {string.Join(", ", ConfigNames.Strategies)}".TrimStart()));
        return null;
    }

    private (LogEventLevel? Level, string? File) ReadLegacyLog()
    {
        LogEventLevel? level = null;
        if (Get(EnvKeys.LegacyLogLevel) is { } levelValue)
        {
            if (LogLevels.TryParse(levelValue.Value, out var parsed)) level = parsed;
            else diagnostics.Error(levelValue.Error($"'{levelValue.Value}' is not a log level", $"Use one of: {string.Join(", ", LogLevels.Names)}"));
        }

        var logFile = Get(EnvKeys.LegacyLogFile) is { } fileValue ? Path.GetFullPath(fileValue.Value, fileValue.BaseDirectory) : null;
        return (level, logFile);
    }

    private void CheckPlaceholder(EnvValue? value, string fix)
    {
        if (value is not null && IsPlaceholder(value.Value))
        {
            diagnostics.Error(value.Error("still holds the example placeholder", fix));
        }
    }

    private void Missing(string key, string fix)
    {
        var where = File.Exists(file.Path) ? file.Path : $"{file.Path} (not found)";
        diagnostics.Error(new ConfigError(where, key, "is missing", $"{fix}. It may also come from the process environment"));
    }

    // The original tool's .env.example and guides ship values like "your_cloud_api_key" and
    // "generate_random_secure_string_here"; running with them gives a baffling 401, so they are refused by name.
    private static bool IsPlaceholder(string value)
    {
        var v = value.ToLowerInvariant();
        return v.StartsWith("your_", StringComparison.Ordinal) || v.StartsWith("your-", StringComparison.Ordinal)
            || v.Contains("change_this", StringComparison.Ordinal) || v.Contains("changeme", StringComparison.Ordinal)
            || v.StartsWith("generate_", StringComparison.Ordinal) || v.EndsWith("_here", StringComparison.Ordinal)
            || v is "xxx" or "..." or "<secret>" or "<api_key>" or "<api_secret>";
    }
}
