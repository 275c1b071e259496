using ErpSync.Emulator;

namespace ErpSync.TestKit.Emulation;

/// <summary>xunit class fixture: one <see cref="EmulatedSite"/> per test class; override <see cref="Options"/> to change it.</summary>
public class EmulatedSiteFixture : IAsyncLifetime
{
    private EmulatedSite? _site;

    public EmulatedSite Site => _site ?? throw new InvalidOperationException("The fixture has not been initialised.");

    protected virtual EmulatorOptions Options => new();

    public async ValueTask InitializeAsync() => _site = await EmulatedSite.StartAsync(Options);

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
