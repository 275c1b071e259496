using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Core.Sync;
using ErpSync.Server;
using Microsoft.AspNetCore.Builder;

namespace ErpSync.Cli.Composition;

/// <summary>
/// Maps the validated configuration onto the server: <c>WEBHOOK_HOST</c>/<c>WEBHOOK_PORT</c>/<c>WEBHOOK_SECRET</c>,
/// the <c>server</c> section, <c>sync_rules.doctypes</c> and <c>sync_rules.retry</c>, alerts, the reconcile schedule and
/// retention → <see cref="ServerOptions"/>;
/// the opened sites, state database and engine → <see cref="ServerDependencies"/>.
/// </summary>
internal static class ServerComposition
{
    /// <summary>The server's options; <paramref name="host"/>/<paramref name="port"/> override <c>WEBHOOK_HOST</c>/<c>WEBHOOK_PORT</c> (port 0 = a free one).</summary>
    public static ServerOptions Options(ErpSyncConfig config, string? host = null, int? port = null) => new ServerOptions
    {
        Host = host ?? config.Webhook.Host,
        Port = port ?? config.Webhook.Port,
        WebhookSecret = config.Webhook.Secret?.Reveal(),
        DocTypes = config.SyncRules.DocTypes,
        Workers = config.Server.Workers,
        SweepInterval = TimeSpan.FromSeconds(config.Server.SweepIntervalSeconds),
        MaxBodyBytes = config.Server.MaxBodyBytes,
        Lease = TimeSpan.FromSeconds(config.Server.LeaseSeconds),
        Retry = config.SyncRules.Retry,
    }.WithOperations(config);

    /// <summary>The live objects of the server, from services opened with <see cref="ServiceNeeds.All"/>.</summary>
    public static ServerDependencies Dependencies(SyncServices services, ISyncEngine? engine = null) => new()
    {
        Database = services.RequireDatabase(),
        Engine = engine ?? services.CreateEngine(),
        Cloud = ServerSite.From(services.RequireCloud()),
        Local = ServerSite.From(services.RequireLocal()),
        Time = services.Time,
        Loggers = services.Loggers,
    };

    /// <summary>Builds the (not yet started) server; an invalid setting is the user's to fix, so it becomes one clear error line.</summary>
    public static WebApplication Build(ServerOptions options, SyncServices services, ISyncEngine? engine = null)
    {
        try
        {
            return ErpSyncServer.Create(options, Dependencies(services, engine));
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message, ExitCodes.Failure, e);
        }
    }

    /// <summary>Starts <paramref name="app"/>, turning a taken or unusable address into an actionable error.</summary>
    public static async Task StartAsync(WebApplication app, ServerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new CliException(
                $"cannot listen on {options.Host}:{options.Port}: {e.Message.TrimEnd('.')}; is another erpsync serve running? Stop it or set another WEBHOOK_PORT",
                ExitCodes.Failure,
                e);
        }
    }
}
