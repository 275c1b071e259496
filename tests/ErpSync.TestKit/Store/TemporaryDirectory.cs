namespace ErpSync.TestKit.Store;

/// <summary>
/// A fresh directory, deleted (with any SQLite files in it) on dispose. On Linux it lives in /dev/shm:
/// real files with real locking and WAL, but fsync costs nothing there, so tests that commit thousands
/// of times are not bound by the disk (durability is the benchmark's business, not the tests').
/// </summary>
public sealed class TemporaryDirectory : IDisposable
{
    private const string MemoryFileSystem = "/dev/shm";

    private int _files;

    public TemporaryDirectory()
    {
        var root = Directory.Exists(MemoryFileSystem) ? MemoryFileSystem : System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(root, "erpsync-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path for a new file in this directory (not created).</summary>
    public string NewFile(string extension = ".db") =>
        System.IO.Path.Combine(Path, $"f{Interlocked.Increment(ref _files)}{extension}");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere only leaves litter in the temp folder; it must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
