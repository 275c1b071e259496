using System.Security.Cryptography;

namespace ErpSync.Emulator.Naming;

/// <summary>
/// Frappe v14's random names: 10 lowercase base-36 characters, the first 4 derived from the clock so names
/// made close together share a prefix, the last 6 random.
/// </summary>
internal static class HashNames
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string New(TimeProvider time)
    {
        Span<char> buffer = stackalloc char[10];
        // Tenths of a second, so the prefix moves slowly like the transcripts' "ak1j…", "ak4k…".
        var tick = time.GetUtcNow().ToUnixTimeMilliseconds() / 100;
        for (var i = 3; i >= 0; i--)
        {
            buffer[i] = Alphabet[(int)(tick % 36)];
            tick /= 36;
        }

        for (var i = 4; i < 10; i++)
            buffer[i] = Alphabet[RandomNumberGenerator.GetInt32(36)];
        return new string(buffer);
    }
}
