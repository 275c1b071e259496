namespace ErpSync.Server.Tests.EndToEnd;

/// <summary>
/// Waits for a condition on state the test cannot subscribe to (an emulated site's documents, another process's
/// database rows), re-checking every few milliseconds until it holds or the timeout runs out.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static Task WaitAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        WaitAsync(() => Task.FromResult(condition()), timeout, describe);

    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not reached within {timeout.TotalSeconds} s: {describe()}");
            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }
    }
}
