using System.CommandLine;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Emulator;

namespace ErpSync.Cli.Commands;

/// <summary><c>erpsync emulator</c>: serves one emulated Frappe site on 127.0.0.1 until SIGINT/SIGTERM.</summary>
internal static class EmulatorCommand
{
    private static readonly EmulatorOptions Defaults = new();

    private static readonly Option<int> Port = new("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one).", Required = true };
    private static readonly Option<string> ApiKey = new("--api-key") { Description = "API key of the site's API user.", DefaultValueFactory = _ => Defaults.ApiKey };
    private static readonly Option<string> ApiSecret = new("--api-secret") { Description = "API secret of the site's API user.", DefaultValueFactory = _ => Defaults.ApiSecret };
    private static readonly Option<string?> WebhookSecret = new("--webhook-secret")
    {
        Description = "Secret for Webhook documents saved with security enabled but no secret of their own.",
    };

    private static readonly Option<string> TimeZone = new("--time-zone") { Description = "IANA time zone of the site (System Settings).", DefaultValueFactory = _ => Defaults.TimeZone };

    public static Command Create()
    {
        var command = new Command("emulator", "Run one emulated Frappe site on 127.0.0.1.");
        command.Options.Add(Port);
        command.Options.Add(ApiKey);
        command.Options.Add(ApiSecret);
        command.Options.Add(WebhookSecret);
        command.Options.Add(TimeZone);
        return command.WithBody(RunAsync);
    }

    private static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.ParseResult;
        var options = new EmulatorOptions
        {
            Port = parse.GetValue(Port),
            ApiKey = parse.GetValue(ApiKey) ?? Defaults.ApiKey,
            ApiSecret = parse.GetValue(ApiSecret) ?? Defaults.ApiSecret,
            WebhookSecret = parse.GetValue(WebhookSecret),
            TimeZone = parse.GetValue(TimeZone) ?? Defaults.TimeZone,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw CliException.Usage(e.Message);
        }

        EmulatedSite site;
        try
        {
            site = await EmulatedSite.StartAsync(options, cancellationToken);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot listen on 127.0.0.1:{options.Port}: {e.Message}", innerException: e);
        }

        await using (site)
        {
            context.Output.Line($"listening on http://127.0.0.1:{site.BaseUrl.Port}");
            await context.Output.Out.FlushAsync(cancellationToken);

            // Program.cs turns SIGINT/SIGTERM into this token's cancellation: stop serving and exit 0.
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return ExitCodes.Success;
    }
}
