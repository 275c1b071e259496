using System.Globalization;

namespace ErpSync.Cli.Operations;

/// <summary>Sizes as people read them: <c>812 B</c>, <c>4.2 KB</c>, <c>1.5 MB</c>, <c>2.0 GB</c> (powers of 1024).</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    public static string Format(long bytes)
    {
        if (bytes < 1024) return $"{bytes} B";
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
