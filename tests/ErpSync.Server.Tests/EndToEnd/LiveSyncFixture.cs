namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>xunit class fixture: one <see cref="LiveSync"/> stack per test class; override <see cref="Configure"/> to change the server.</summary>
public class LiveSyncFixture : IAsyncLifetime
{
    private LiveSync? _live;

    internal LiveSync Live => _live ?? throw new InvalidOperationException("The fixture has not been initialised.");

    internal virtual ServerOptions Configure(ServerOptions options) => options;

    /// <summary>Whether both sites get the Webhook documents <c>setup-webhook</c> installs; false to install others.</summary>
    internal virtual bool InstallTemplateHooks => true;

    public async ValueTask InitializeAsync() => _live = await LiveSync.StartAsync(Configure, InstallTemplateHooks);

    public async ValueTask DisposeAsync()
    {
        if (_live is not null)
            await _live.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
