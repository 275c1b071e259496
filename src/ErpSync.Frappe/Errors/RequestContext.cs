using ErpSync.Core.Sites;

namespace ErpSync.Frappe.Errors;

/// <summary>What a request was about, for error messages and typed exceptions.</summary>
internal sealed record RequestContext(SiteName Site, string Method, string Operation, string? DocType = null, string? DocName = null)
{
    /// <summary>e.g. <c>PUT Sync Order "SO-1"</c> or <c>GET frappe.auth.get_logged_user</c>.</summary>
    public string Describe()
    {
        if (DocType is null)
            return $"{Method} {Operation}";
        return DocName is null ? $"{Method} {DocType}" : $"{Method} {DocType} \"{DocName}\"";
    }
}
