using ErpSync.Emulator.Http;

namespace ErpSync.Emulator.Methods;

/// <summary>A whitelisted method: handler, allowed verbs (null = any) and whether Guest may call it.</summary>
internal sealed record MethodSpec(string Name, Func<MethodCall, ApiResult> Handler, string[]? Verbs = null, bool AllowGuest = false);
