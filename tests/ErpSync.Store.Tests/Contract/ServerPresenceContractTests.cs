using ErpSync.Store.Presence;

namespace ErpSync.Store.Tests.Contract;

/// <summary>Heartbeats of running servers.</summary>
public abstract class ServerPresenceContractTests(IStoreTarget target) : StoreContractTests(target)
{
    [Fact]
    public async Task BeatAsync_ThenTtlPasses_IsLiveUntilItsBeatExpires()
    {
        var db = await OpenAsync();
        var server = new ServerInstance("db-01:4242:abcd", "db-01", 4242, "1.0.0", Clock.GetUtcNow());

        await db.Servers.BeatAsync(server, TimeSpan.FromSeconds(30), Ct);

        var live = (await db.Servers.ListLiveAsync(Ct)).ShouldHaveSingleItem();
        live.ShouldBe(server with { LastSeenAt = Clock.GetUtcNow(), ExpiresAt = Clock.GetUtcNow() + TimeSpan.FromSeconds(30) });
        Clock.Advance(TimeSpan.FromSeconds(29));
        (await db.Servers.ListLiveAsync(Ct)).Count.ShouldBe(1);
        Clock.Advance(TimeSpan.FromSeconds(1));
        (await db.Servers.ListLiveAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task BeatAsync_Again_ExtendsTheSameRowAndKeepsItsStart()
    {
        var db = await OpenAsync();
        var started = Clock.GetUtcNow();
        var server = new ServerInstance("a", "host-a", 1, null, started);
        await db.Servers.BeatAsync(server, TimeSpan.FromSeconds(30), Ct);
        Clock.Advance(TimeSpan.FromSeconds(20));

        await db.Servers.BeatAsync(server with { StartedAt = started + TimeSpan.FromHours(1) }, TimeSpan.FromSeconds(30), Ct);
        Clock.Advance(TimeSpan.FromSeconds(20));

        var live = (await db.Servers.ListLiveAsync(Ct)).ShouldHaveSingleItem();
        live.StartedAt.ShouldBe(started);
        live.LastSeenAt.ShouldBe(started + TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task LeaveAsync_OneOfTwo_LeavesTheOtherLive()
    {
        var db = await OpenAsync();
        await db.Servers.BeatAsync(new ServerInstance("a", "host-a", 1, null, Clock.GetUtcNow()), TimeSpan.FromMinutes(1), Ct);
        await db.Servers.BeatAsync(new ServerInstance("b", "host-b", 2, null, Clock.GetUtcNow()), TimeSpan.FromMinutes(1), Ct);

        await db.Servers.LeaveAsync("a", Ct);
        await db.Servers.LeaveAsync("never-there", Ct);

        (await db.Servers.ListLiveAsync(Ct)).ShouldHaveSingleItem().Id.ShouldBe("b");
    }

    [Fact]
    public async Task BeatAsync_TtlUnderOneSecond_IsRefused()
    {
        var db = await OpenAsync();
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => db.Servers.BeatAsync(new ServerInstance("a", "h", 1, null, Clock.GetUtcNow()), TimeSpan.FromMilliseconds(500), Ct));
    }

    [Fact]
    public void ForCurrentProcess_NamesThisMachineAndProcess()
    {
        var me = ServerInstance.ForCurrentProcess(Clock.GetUtcNow(), "1.2.3");
        me.Host.ShouldBe(Environment.MachineName);
        me.ProcessId.ShouldBe(Environment.ProcessId);
        me.Id.ShouldStartWith($"{Environment.MachineName}:{Environment.ProcessId}:");
        ServerInstance.ForCurrentProcess(Clock.GetUtcNow(), null).Id.ShouldNotBe(me.Id);
    }
}
