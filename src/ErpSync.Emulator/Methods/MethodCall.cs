using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Http;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Methods;

/// <summary>One <c>/api/method/…</c> call: the site, the caller (null for Guest), its arguments and HTTP verb.</summary>
internal sealed record MethodCall(SiteRuntime Site, string? User, OrderedDictionary<string, object?> Args, string HttpMethod, string Name)
{
    /// <summary>A required argument, or the TypeError Python raises for a missing one.</summary>
    public string Required(string key)
    {
        var value = Args.GetValueOrDefault(key);
        if (value is null)
            throw Fail.Server($"TypeError: {Name.Split('.')[^1]}() missing 1 required positional argument: '{key}'");
        return PyConvert.Cstr(value);
    }

    public string? Optional(string key) => Args.GetValueOrDefault(key) is { } v ? PyConvert.Cstr(v) : null;

    /// <summary>A JSON-valued argument (parsed when sent as a string).</summary>
    public object? Json(string key) => ResourceApi.Json(Args, key);

    /// <summary>A dict argument (such as <c>doc</c>), parsed when sent as a JSON string.</summary>
    public OrderedDictionary<string, object?> Dict(string key)
    {
        Required(key);
        return Json(key) as OrderedDictionary<string, object?> ?? throw Fail.Throw($"{key} must be a JSON object");
    }

    public bool Flag(string key) => Args.GetValueOrDefault(key) is { } v && ResourceApi.SBool(v);

    public string UserOrGuest => User ?? "Guest";
}
