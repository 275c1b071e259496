using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Http;

namespace ErpSync.Emulator.Methods;

/// <summary>
/// The whitelisted methods the emulator serves, with Frappe's answers for unknown methods (417 "Failed to
/// get method…"), verbs not allowed and Guest callers (403).
/// </summary>
internal sealed class MethodRegistry
{
    private static readonly HashSet<string> KnownModules = new(StringComparer.Ordinal)
    {
        "frappe", "frappe.client", "frappe.auth", "frappe.desk", "frappe.desk.form", "frappe.desk.form.load",
        "frappe.model", "frappe.model.rename_doc", "frappe.utils", "frappe.utils.change_log", "frappe.handler",
    };

    private readonly Dictionary<string, MethodSpec> _methods = new(StringComparer.Ordinal);

    public void Add(MethodSpec spec) => _methods[spec.Name] = spec;

    public ApiResult Invoke(MethodCall call)
    {
        if (!_methods.TryGetValue(call.Name, out var spec))
            throw Fail.Throw($"Failed to get method for command {call.Name} with {ResolutionError(call.Name)}");
        if (call.User is null && !spec.AllowGuest)
        {
            var message = "<details><summary>You are not permitted to access this resource.</summary>" +
                          $"Function <strong>{call.Name}</strong> is not whitelisted.</details>";
            throw Fail.Throw(message, "PermissionError", "Method Not Allowed");
        }

        if (spec.Verbs is not null && !spec.Verbs.Contains(call.HttpMethod))
            throw Fail.Throw("Not permitted", "PermissionError");
        return spec.Handler(call);
    }

    private static string ResolutionError(string name)
    {
        var cut = name.LastIndexOf('.');
        if (cut < 0)
            return $"'{name}'";
        var module = name[..cut];
        if (KnownModules.Contains(module))
            return $"module '{module}' has no attribute '{name[(cut + 1)..]}'";
        var known = module;
        while (known.Contains('.', StringComparison.Ordinal) && !KnownModules.Contains(known))
            known = known[..known.LastIndexOf('.')];
        return KnownModules.Contains(known) ? $"No module named '{module}'" : $"No module named '{module.Split('.')[0]}'";
    }
}
