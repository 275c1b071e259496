using System.Globalization;

namespace ErpSync.Cli.Operations;

/// <summary>Default backup file names: beside the database, stamped with the UTC time (<c>sync_state-20261122-013000.db</c>).</summary>
internal static class BackupNames
{
    /// <summary>A path that does not exist yet: <c>STEM-yyyyMMdd-HHmmss[-SUFFIX][-N].EXT</c> in the database's folder.</summary>
    public static string Next(string databasePath, DateTimeOffset now, string? suffix = null)
    {
        var folder = Path.GetDirectoryName(databasePath) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(databasePath);
        var extension = Path.GetExtension(databasePath);
        if (extension.Length == 0) extension = ".db";
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var tail = suffix is null ? "" : "-" + suffix;
        var path = Path.Combine(folder, $"{stem}-{stamp}{tail}{extension}");
        for (var n = 2; File.Exists(path); n++) path = Path.Combine(folder, $"{stem}-{stamp}{tail}-{n}{extension}");
        return path;
    }
}
