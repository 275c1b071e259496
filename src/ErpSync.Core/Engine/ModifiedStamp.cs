using ErpSync.Core.Canonical;

namespace ErpSync.Core.Engine;

/// <summary>
/// Compares a site's <c>modified</c> strings as the instants they print: a list prints <c>10:00:00</c> where a save
/// answered <c>10:00:00.000000</c>. Both strings come from the same site, so no time zone is involved.
/// </summary>
internal static class ModifiedStamp
{
    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> name the same moment (both absent counts as equal).</summary>
    public static bool Same(string? left, string? right)
    {
        if (left is null || right is null)
            return left is null && right is null;
        if (string.Equals(left, right, StringComparison.Ordinal))
            return true;
        return FrappeDateTime.TryParse(left, out var a) && FrappeDateTime.TryParse(right, out var b) && a == b;
    }
}
