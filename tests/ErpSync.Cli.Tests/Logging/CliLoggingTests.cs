using System.Text;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Logging;
using ErpSync.Cli.Tests.Support;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace ErpSync.Cli.Tests.Logging;

public sealed partial class CliLoggingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Log_LinesCarryingSecrets_AreRedactedInFileAndConsole(bool json)
    {
        using var folder = ConfigFiles.ValidFolder();
        folder.Write(".env", ConfigFiles.ValidEnv + "\nERPSYNC_DB=postgres://erpsync:db-pa55word-xyz@db.example.com/erp\n");
        var config = ConfigLoader.Load(new ConfigSources(folder.Path, null, null, new Dictionary<string, string>()), ConfigRequirements.All).Config;
        var redactor = new SecretRedactor();
        redactor.Add(config);
        using var console = new StringWriter();
        var settings = new LogSettings(folder.File("logs/erpsync.log"), LogEventLevel.Debug, 10 * 1024 * 1024, 5, json);

        using (var logging = CliLogging.Create(settings, redactor, console, LogEventLevel.Debug, verbose: true))
        {
            var logger = logging.LoggerFactory.CreateLogger("ErpSync.Tests");
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"cloudkey123:{ConfigFiles.CloudSecret}"));
            Sending(logger, "https://erp.example.com", $"token cloudkey123:{ConfigFiles.CloudSecret}");
            Sending(logger, "https://erp.example.com", $"Basic {basic}");
            Signed(logger, new { Secret = ConfigFiles.WebhookSecret, Escaped = Uri.EscapeDataString(ConfigFiles.LocalSecret) });
            Failed(logger, new InvalidOperationException($"login failed for secret {ConfigFiles.LocalSecret} and db-pa55word-xyz"));
        }

        var written = string.Join('\n', Directory.GetFiles(folder.File("logs")).Select(File.ReadAllText)) + console;
        written.ShouldContain("https://erp.example.com");
        written.ShouldContain(SecretRedactor.Replacement);
        foreach (var secret in config.Secrets().Select(s => s.Reveal()).Append(ConfigFiles.CloudSecret).Append("db-pa55word-xyz"))
        {
            written.ShouldNotContain(secret);
        }

        written.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"cloudkey123:{ConfigFiles.CloudSecret}")));
    }

    [Fact]
    public void Log_BeyondTheSizeLimit_RollsAndKeepsOnlyTheRetainedFiles()
    {
        using var folder = new TempFolder();
        var settings = new LogSettings(folder.File("erpsync.log"), LogEventLevel.Information, MaxFileBytes: 2048, RetainedFiles: 3, Json: false);

        using (var logging = CliLogging.Create(settings, new SecretRedactor(), TextWriter.Null, LogEventLevel.Fatal, verbose: false))
        {
            var logger = logging.LoggerFactory.CreateLogger("ErpSync.Tests");
            for (var i = 0; i < 200; i++) Sending(logger, $"https://erp.example.com/{i}", "token abc:def");
        }

        var files = Directory.GetFiles(folder.Path, "erpsync*.log").Select(Path.GetFileName).Order().ToList();
        files.Count.ShouldBe(3, string.Join(", ", files));
        var today = DateTime.Now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        files.ShouldAllBe(f => f!.StartsWith($"erpsync{today}", StringComparison.Ordinal));
        // The size is checked before each write, so a file may end one event past the limit.
        files.ShouldAllBe(f => new FileInfo(Path.Combine(folder.Path, f!)).Length <= 2048 + 512);
    }

    [Fact]
    public void Log_ConsoleLevel_FiltersTheConsoleButNotTheFile()
    {
        using var folder = new TempFolder();
        using var console = new StringWriter();
        var settings = new LogSettings(folder.File("erpsync.log"), LogEventLevel.Information, 1024 * 1024, 2, false);

        using (var logging = CliLogging.Create(settings, new SecretRedactor(), console, LogEventLevel.Warning, verbose: false))
        {
            var logger = logging.LoggerFactory.CreateLogger("ErpSync.Tests");
            Sending(logger, "https://erp.example.com", "quiet");
            Failed(logger, new InvalidOperationException("loud"));
        }

        console.ToString().ShouldBe("[ERR] Request failed\n".ReplaceLineEndings(Environment.NewLine));
        var file = File.ReadAllText(Directory.GetFiles(folder.Path, "erpsync*.log").Single());
        file.ShouldContain("Sending to https://erp.example.com with quiet");
        file.ShouldContain("System.InvalidOperationException: loud");
    }

    [Fact]
    public void Redact_LongestSecretFirst_LeavesNoFragment()
    {
        var redactor = new SecretRedactor();
        redactor.Add(["abcd", "abcdefgh", "xy"]);

        redactor.Redact("k=abcdefgh; j=abcd; xy").ShouldBe("k=[redacted]; j=[redacted]; xy");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending to {Url} with {Authorization}")]
    private static partial void Sending(ILogger logger, string url, string authorization);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed webhook {@Payload}")]
    private static partial void Signed(ILogger logger, object payload);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
