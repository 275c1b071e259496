using System.Text;

namespace ErpSync.Frappe.Http;

/// <summary>
/// Builds relative API paths. Each DocType and name is one percent-encoded path segment: space <c>%20</c> (never
/// <c>+</c>, which Frappe keeps literally), <c>/</c> <c>%2F</c>, <c>#</c> <c>%23</c>, <c>?</c> <c>%3F</c>, <c>%</c>
/// <c>%25</c>, <c>&amp;</c> <c>%26</c>, <c>+</c> <c>%2B</c>, non-ASCII as UTF-8 bytes.
/// </summary>
internal static class FrappeUrl
{
    public static string Segment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Uri.EscapeDataString(value);
    }

    /// <summary><c>api/resource/{doctype}</c> or <c>api/resource/{doctype}/{name}</c>.</summary>
    public static string Resource(string doctype, string? name = null)
    {
        RequireName(doctype, nameof(doctype));
        if (name is null)
            return "api/resource/" + Segment(doctype);
        RequireName(name, nameof(name));
        return "api/resource/" + Segment(doctype) + "/" + Segment(name);
    }

    /// <summary><c>api/method/{dotted.path}</c>.</summary>
    public static string Method(string dottedPath) => "api/method/" + dottedPath;

    /// <summary>Appends a query string; keys and values are encoded the same way as path segments.</summary>
    public static string WithQuery(string path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        if (query.Count == 0)
            return path;
        var text = new StringBuilder(path).Append('?');
        for (var i = 0; i < query.Count; i++)
        {
            if (i > 0)
                text.Append('&');
            text.Append(Uri.EscapeDataString(query[i].Key)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }

        return text.ToString();
    }

    private static void RequireName(string value, string parameter)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        if (value.Length == 0 || value.Trim().Length == 0)
            throw new ArgumentException("A DocType or document name must not be empty or blank.", parameter);
    }
}
