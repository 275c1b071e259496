using System.Security.Cryptography;
using System.Text;

namespace ErpSync.Server.Webhooks;

/// <summary>
/// Frappe's webhook signature: <c>X-Frappe-Webhook-Signature</c> = base64 (standard alphabet, padded) of
/// HMAC-SHA256 keyed with the UTF-8 secret over the raw body bytes. Hex of the same MAC is accepted too (other
/// senders and hand-written scripts use it), as is a <c>sha256=</c> prefix. Compared in constant time.
/// </summary>
internal sealed class WebhookSignature
{
    public const string HeaderName = "X-Frappe-Webhook-Signature";

    private readonly byte[] _key;

    public WebhookSignature(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The base64 signature Frappe would send for <paramref name="body"/>.</summary>
    public string Sign(ReadOnlySpan<byte> body) => Convert.ToBase64String(HMACSHA256.HashData(_key, body));

    /// <summary>Whether <paramref name="header"/> is a valid signature of <paramref name="body"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> body, string? header)
    {
        if (!TryDecode(header, out var presented))
            return false;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>The 32 MAC bytes a header carries, as base64 (padded or not) or hex.</summary>
    internal static bool TryDecode(string? header, out byte[] mac)
    {
        mac = [];
        var value = header?.Trim();
        if (string.IsNullOrEmpty(value))
            return false;
        if (value.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
            value = value["sha256=".Length..];

        if (value.Length == HMACSHA256.HashSizeInBytes * 2 && value.All(Uri.IsHexDigit))
        {
            mac = Convert.FromHexString(value);
            return true;
        }

        var padded = value.Length % 4 == 0 ? value : value.PadRight(value.Length + (4 - (value.Length % 4)), '=');
        var buffer = new byte[HMACSHA256.HashSizeInBytes + 3];
        if (Convert.TryFromBase64String(padded, buffer, out var written) && written == HMACSHA256.HashSizeInBytes)
        {
            mac = buffer[..written];
            return true;
        }

        return false;
    }
}
