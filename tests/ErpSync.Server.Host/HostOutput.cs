namespace ErpSync.Server.Host;

/// <summary>Lines for the test that started this process, one at a time and flushed at once (a SIGKILL loses nothing written).</summary>
internal static class HostOutput
{
    private static readonly object Gate = new();
    private static readonly StreamWriter Out = new(Console.OpenStandardOutput()) { AutoFlush = true };

    public static void Say(string line)
    {
        lock (Gate)
            Out.WriteLine(line);
    }
}
