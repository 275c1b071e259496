using System.CommandLine;
using ErpSync.Cli.Composition;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Server;
using Serilog.Events;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync serve</c> (alias <c>webhook</c>, the original tool's name): the long-running server. Runs until
/// SIGINT/SIGTERM, then stops gracefully (intake closes, items in progress finish or go back to the queue) and exits 0.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var host = new Option<string?>("--host") { Description = "Address to bind, overriding WEBHOOK_HOST (e.g. 127.0.0.1).", HelpName = "ADDRESS" };
        var port = CommonOptions.WholeNumber("--port", 0, "TCP port, overriding WEBHOOK_PORT (0 picks a free one).", "PORT");
        var command = new Command("serve", "Run the server: webhook intake, queue workers, sweep, health, status, metrics and dashboard.") { host, port };
        command.Aliases.Add("webhook");
        return command.WithBody((context, cancellationToken) =>
            RunAsync(context, context.ParseResult.GetValue(host), context.ParseResult.GetValue(port), cancellationToken));
    }

    private static async Task<int> RunAsync(CommandContext context, string? host, int? port, CancellationToken cancellationToken)
    {
        if (port > 65535) throw CliException.Usage($"--port must be 0-65535, got {port}.");
        var config = context.LoadConfig(ConfigRequirements.All);
        using var logging = context.CreateLogging(config, LogEventLevel.Information);
        await using var services = await SyncServices.OpenAsync(config, ServiceNeeds.All, context.Host.Time, logging.LoggerFactory, cancellationToken);
        var options = ServerComposition.Options(config, host, port);
        var app = ServerComposition.Build(options, services);
        await using (app)
        {
            await ServerComposition.StartAsync(app, options, cancellationToken);
            context.Output.Line(ErpSyncServer.Banner(app));
            context.Output.Line("Press Ctrl+C to stop.");
            await context.Output.Out.FlushAsync(cancellationToken);

            // Program.cs turns SIGINT/SIGTERM into this token's cancellation.
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

            context.Output.Line("stopping: no new webhooks accepted; letting items in progress finish...");
            await app.StopAsync(CancellationToken.None);
        }

        context.Output.Line("stopped.");
        return ExitCodes.Success;
    }
}
