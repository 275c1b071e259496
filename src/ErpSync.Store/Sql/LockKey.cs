using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ErpSync.Store.Sql;

/// <summary>
/// Stable 64-bit keys for PostgreSQL advisory locks. Every process must derive the same key from the same
/// text, so <see cref="string.GetHashCode()"/> (randomised per process) is not an option; a collision only
/// makes two documents wait for each other.
/// </summary>
internal static class LockKey
{
    public static long For(string space, string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(space + "\n" + text), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    public static long ForQueueDocument(string source, string docType, string docName) =>
        For("erpsync-queue", source + "\n" + docType + "\n" + docName);

    public static long ForDocument(string key) => For("erpsync-document", key);
}
