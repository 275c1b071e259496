using System.Security.Cryptography;
using System.Text;
using ErpSync.Emulator.Errors;

namespace ErpSync.Emulator.Http;

/// <summary>
/// Frappe v14's <c>validate_auth</c>: an Authorization header of exactly two space-separated parts is tried
/// as <c>token key:secret</c> or <c>Basic base64(key:secret)</c>; if that does not log anyone in it is 401.
/// Any other header, or none, leaves the request as Guest.
/// </summary>
internal static class Authenticator
{
    /// <summary>The logged-in user, or null for Guest.</summary>
    public static string? Authenticate(string? header, EmulatorOptions options)
    {
        if (string.IsNullOrEmpty(header))
            return null;
        var parts = header.Split(' ');
        if (parts.Length != 2)
            return null;
        string? credentials = null;
        switch (parts[0].ToLowerInvariant())
        {
            case "token":
                credentials = parts[1];
                break;
            case "basic":
                try
                {
                    credentials = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1]));
                }
                catch (FormatException)
                {
                    throw Fail.Throw("Failed to decode token, please provide a valid base64-encoded token.", "InvalidAuthorizationToken");
                }

                break;
        }

        var pair = credentials?.Split(':');
        if (pair is not { Length: 2 })
            throw Fail.Raise("AuthenticationError");
        if (!string.Equals(pair[0], options.ApiKey, StringComparison.Ordinal) || !SecretMatches(pair[1], options.ApiSecret))
            throw Fail.Raise("AuthenticationError");
        return options.User;
    }

    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
