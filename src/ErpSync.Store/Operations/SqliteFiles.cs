using Dapper;
using Microsoft.Data.Sqlite;

namespace ErpSync.Store.Operations;

/// <summary>Small file-level helpers for SQLite databases: sizes, sidecar files, single-purpose connections.</summary>
internal static class SqliteFiles
{
    private static readonly string[] Sidecars = ["-wal", "-shm", "-journal"];

    /// <summary>The database file plus its WAL, in bytes; 0 when absent.</summary>
    public static long SizeOnDisk(string path) => Length(path) + Length(path + "-wal");

    /// <summary>A connection of its own (never pooled, so closing it really releases the file).</summary>
    public static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            Cache = SqliteCacheMode.Private,
        }.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static bool HasTable(SqliteConnection connection, string table) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @Table", new { Table = table }) > 0;

    public static void DeleteWithSidecars(string path)
    {
        File.Delete(path);
        foreach (var suffix in Sidecars)
            File.Delete(path + suffix);
    }

    /// <summary>Moves <paramref name="from"/>'s -wal and -shm along with it (or deletes a -shm, which is only an index of the WAL).</summary>
    public static void MoveSidecars(string from, string to)
    {
        if (File.Exists(from + "-wal"))
            File.Move(from + "-wal", to + "-wal");
        File.Delete(from + "-shm");
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
