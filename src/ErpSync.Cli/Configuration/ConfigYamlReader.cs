using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ErpSync.Cli.Configuration;

/// <summary>Reads and checks <c>config.yaml</c>: bad YAML (with line and column), unknown keys, types, ranges.</summary>
internal sealed class ConfigYamlReader
{
    private readonly string file;
    private readonly ConfigDiagnostics diagnostics;
    private readonly YamlNodeReader reader;

    public ConfigYamlReader(string file, ConfigDiagnostics diagnostics)
    {
        this.file = file;
        this.diagnostics = diagnostics;
        reader = new YamlNodeReader(file, diagnostics);
    }

    public YamlSettings Read(string text)
    {
        var root = Parse(text);
        if (root is null) return new YamlSettings();
        if (reader.Mapping(root, "") is not { } map) return new YamlSettings();
        var e = reader.Entries(map, "", YamlKeys.Root);
        var (rules, strategySet) = new SyncRulesYamlReader(reader).Read(e.GetValueOrDefault("sync_rules"));
        var log = reader.Mapping(e.GetValueOrDefault("log"), "log") is { } logMap ? reader.Entries(logMap, "log", YamlKeys.Log) : [];
        return new YamlSettings
        {
            SyncRules = rules,
            ConflictResolutionSet = strategySet,
            Server = ReadServer(e.GetValueOrDefault("server")),
            Retention = ReadRetention(e.GetValueOrDefault("retention")),
            Alerts = ReadAlerts(e.GetValueOrDefault("alerts")),
            LogFile = reader.String(log.GetValueOrDefault("file"), "log.file") is { Length: > 0 } logFile
                ? Path.GetFullPath(logFile, Path.GetDirectoryName(file) ?? ".")
                : null,
            LogLevel = ReadLevel(log.GetValueOrDefault("level")),
            LogMaxFileBytes = reader.Long(log.GetValueOrDefault("max_file_bytes"), "log.max_file_bytes", 64 * 1024, 1L << 32, "size at which a new log file starts; default 10485760 (10 MiB)"),
            LogRetainedFiles = reader.Int(log.GetValueOrDefault("retained_files"), "log.retained_files", 1, 1000, "log files kept; default 14"),
            LogJson = ReadFormat(log.GetValueOrDefault("format")),
        };
    }

    private YamlNode? Parse(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode;
                reader.Error(second, "", "holds more than one YAML document (a '---' line)", "Keep everything in one document");
            }

            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            // YamlDotNet's messages lead with "(Line: 3, Col: 5, Idx: …) - (…): "; the position is reported separately.
            var message = ex.Message;
            var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
            if (cut >= 0) message = message[(cut + 3)..];
            var inner = ex.InnerException?.Message;
            if (inner is not null && inner.Contains("same key", StringComparison.OrdinalIgnoreCase)) message = "a key appears twice in the same section";
            diagnostics.Error(new ConfigError(file, "", $"is not valid YAML: {message.TrimEnd('.')}",
                "Check the indentation (spaces, not tabs) and the ':' after each key on that line",
                (int)ex.Start.Line, (int)ex.Start.Column));
            return null;
        }
    }

    private ServerSettings ReadServer(YamlNode? node)
    {
        var d = ServerSettings.Default;
        if (reader.Mapping(node, "server") is not { } map) return d;
        var e = reader.Entries(map, "server", YamlKeys.Server);
        var sweepNode = e.GetValueOrDefault("sweep_interval_seconds");
        var sweep = reader.Int(sweepNode, "server.sweep_interval_seconds", 0, 86_400, "0 turns the sweep off; default 60");
        if (sweep is > 0 and < 5)
        {
            reader.Error(sweepNode, "server.sweep_interval_seconds", $"{sweep} seconds would poll both sites nonstop", "Use 0 (off) or at least 5");
            sweep = null;
        }

        var schedule = d.ReconcileSchedule;
        var scheduleNode = e.GetValueOrDefault("reconcile_schedule");
        if (reader.String(scheduleNode, "server.reconcile_schedule") is { } text)
        {
            if (ReconcileSchedule.TryParse(text, out var parsed, out var error)) schedule = parsed!;
            else reader.Error(scheduleNode, "server.reconcile_schedule", $"'{text}': {error}", "For example: daily 02:00");
        }

        return new ServerSettings(
            reader.Int(e.GetValueOrDefault("workers"), "server.workers", 1, 64, "queue workers per process; default 4") ?? d.Workers,
            sweep ?? d.SweepIntervalSeconds,
            reader.Int(e.GetValueOrDefault("max_body_bytes"), "server.max_body_bytes", 1024, 100 * 1024 * 1024, "largest webhook body accepted; default 1048576") ?? d.MaxBodyBytes,
            reader.Int(e.GetValueOrDefault("lease_seconds"), "server.lease_seconds", 10, 3600, "how long a worker owns a claimed item; default 120") ?? d.LeaseSeconds,
            schedule);
    }

    private RetentionSettings ReadRetention(YamlNode? node)
    {
        var d = new RetentionSettings();
        if (reader.Mapping(node, "retention") is not { } map) return d;
        var e = reader.Entries(map, "retention", YamlKeys.Retention);
        return new RetentionSettings(
            reader.Int(e.GetValueOrDefault("logs_days"), "retention.logs_days", 0, 3650, "days of sync_logs kept, 0 = forever; default 90") ?? d.LogsDays,
            reader.Int(e.GetValueOrDefault("queue_days"), "retention.queue_days", 0, 3650, "days processed queue items are kept, 0 = forever; default 30") ?? d.QueueDays);
    }

    private AlertSettings ReadAlerts(YamlNode? node)
    {
        var d = new AlertThresholds();
        if (reader.Mapping(node, "alerts") is not { } map) return new AlertSettings(null, d);
        var e = reader.Entries(map, "alerts", YamlKeys.Alerts);
        Secret? url = null;
        var urlNode = e.GetValueOrDefault("webhook_url");
        if (reader.String(urlNode, "alerts.webhook_url") is { Length: > 0 } text)
        {
            // Not echoed: chat webhook URLs carry their token.
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0)
            {
                url = new Secret(text);
            }
            else
            {
                reader.Error(urlNode, "alerts.webhook_url", "is not an http(s) URL", "Paste the incoming-webhook URL of your chat or alerting tool, or leave it empty");
            }
        }

        var thresholds = d;
        if (reader.Mapping(e.GetValueOrDefault("thresholds"), "alerts.thresholds") is { } tmap)
        {
            var t = reader.Entries(tmap, "alerts.thresholds", YamlKeys.Thresholds);
            int Read(string key, int fallback, string meaning) =>
                reader.Int(t.GetValueOrDefault(key), $"alerts.thresholds.{key}", 0, 1_000_000, meaning) ?? fallback;
            thresholds = new AlertThresholds(
                Read("errors", d.Errors, "pairs in error; 0 = never alert"),
                Read("dead_letters", d.DeadLetters, "dead-lettered items; 0 = never alert"),
                Read("unresolved_conflicts", d.UnresolvedConflicts, "open conflicts; 0 = never alert"),
                Read("queue_age_seconds", d.QueueAgeSeconds, "age of the oldest pending item; 0 = never alert"),
                Read("site_unreachable", d.SiteUnreachable, "seconds a site may be unreachable; 0 = never alert"));
        }

        return new AlertSettings(url, thresholds);
    }

    private Serilog.Events.LogEventLevel? ReadLevel(YamlNode? node)
    {
        var text = reader.String(node, "log.level");
        if (text is null) return null;
        if (LogLevels.TryParse(text, out var level)) return level;
        var hint = Suggestions.DidYouMean(text, LogLevels.Names);
        reader.Error(node, "log.level", $"unknown level '{text}'", $"{hint} Use one of: {string.Join(", ", LogLevels.Names)}".TrimStart());
        return null;
    }

    private bool ReadFormat(YamlNode? node)
    {
        var text = reader.String(node, "log.format");
        switch (text?.ToLowerInvariant())
        {
            case null or "text": return false;
            case "json": return true;
            default:
                reader.Error(node, "log.format", $"unknown format '{text}'", "Use text (default) or json");
                return false;
        }
    }
}
