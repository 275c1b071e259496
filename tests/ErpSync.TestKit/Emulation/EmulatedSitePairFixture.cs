using ErpSync.Emulator;

namespace ErpSync.TestKit.Emulation;

/// <summary>
/// xunit class fixture: one <see cref="EmulatedSitePair"/> per test class. Derive and override
/// <see cref="CloudOptions"/>/<see cref="LocalOptions"/> to change the sites.
/// </summary>
public class EmulatedSitePairFixture : IAsyncLifetime
{
    private EmulatedSitePair? _pair;

    public EmulatedSitePair Pair => _pair ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public EmulatedSite Cloud => Pair.Cloud;

    public EmulatedSite Local => Pair.Local;

    protected virtual EmulatorOptions CloudOptions => EmulatedSitePair.DefaultCloudOptions;

    protected virtual EmulatorOptions LocalOptions => EmulatedSitePair.DefaultLocalOptions;

    public async ValueTask InitializeAsync() => _pair = await EmulatedSitePair.StartAsync(CloudOptions, LocalOptions);

    public async ValueTask DisposeAsync()
    {
        if (_pair is not null)
            await _pair.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
