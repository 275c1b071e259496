using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Emulator.Tests.Conformance;

/// <summary>
/// Compares a recorded JSON body with the emulator's: same keys, same values, numbers compared by their JSON
/// text (so <c>50000.0</c> must not come back as <c>50000</c>), timestamps and random names through
/// <see cref="Bindings"/>, tracebacks by shape, <c>_server_messages</c> and embedded JSON documents decoded.
/// </summary>
internal sealed class JsonMatcher(Bindings bindings, List<string> errors, Func<string, bool> tolerated)
{
    private static readonly HashSet<string> NameKeys = new(StringComparer.Ordinal) { "name", "parent" };

    public void Match(JsonNode? expected, JsonNode? actual, string path, bool unorderedRows = false)
    {
        if (tolerated(path))
            return;
        switch (expected)
        {
            case null:
                if (actual is not null)
                    Error(path, $"expected null but was {actual.ToJsonString()}");
                return;
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    Error(path, $"expected an object but was {Show(actual)}");
                    return;
                }

                foreach (var missing in expectedObject.Select(p => p.Key).Except(actualObject.Select(p => p.Key)).Where(k => !tolerated($"{path}.{k}")))
                    Error($"{path}.{missing}", "missing");
                foreach (var extra in actualObject.Select(p => p.Key).Except(expectedObject.Select(p => p.Key)).Where(k => !tolerated($"{path}.{k}")))
                    Error($"{path}.{extra}", $"unexpected key (value {Show(actualObject[extra])})");
                foreach (var (key, value) in expectedObject)
                {
                    if (actualObject.TryGetPropertyValue(key, out var other))
                        MatchProperty(key, value, other, $"{path}.{key}", unorderedRows);
                }

                return;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    Error(path, $"expected an array but was {Show(actual)}");
                    return;
                }

                if (path.EndsWith("X-Frappe-Webhook-Signature", StringComparison.Ordinal))
                {
                    // The signature covers a body with this run's timestamps; its shape (the bytes of a base64
                    // HMAC-SHA256) is what must match. The receiver-side check verifies the value itself.
                    if (actualArray.Count != expectedArray.Count || actualArray.Any(b => b is not JsonValue v || v.GetValueKind() != JsonValueKind.Number))
                        Error(path, $"expected {expectedArray.Count} signature bytes but was {Show(actualArray)}");
                    return;
                }

                if (expectedArray.Count != actualArray.Count)
                {
                    Error(path, $"expected {expectedArray.Count} items but was {actualArray.Count}: {Show(actualArray)}");
                    return;
                }

                var (left, right) = unorderedRows ? (SortByName(expectedArray, apply: true), SortByName(actualArray, apply: false)) : (expectedArray.ToList(), actualArray.ToList());
                for (var i = 0; i < left.Count; i++)
                    Match(left[i], right[i], $"{path}[{i}]");
                return;
            default:
                MatchValue(expected.AsValue(), actual, path, key: null);
                return;
        }
    }

    private void MatchProperty(string key, JsonNode? expected, JsonNode? actual, string path, bool unorderedRows)
    {
        if (expected is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (key == "exc" && text == "<traceback>")
            {
                if (actual is not JsonValue a || a.GetValueKind() != JsonValueKind.String || !IsTracebackList(a.GetValue<string>()))
                    Error(path, $"expected a JSON traceback list but was {Show(actual)}");
                return;
            }

            if (key == "_server_messages")
            {
                MatchServerMessages(text, actual, path);
                return;
            }
        }

        if (expected is JsonValue scalar)
            MatchValue(scalar, actual, path, key);
        else
            Match(expected, actual, path, unorderedRows);
    }

    private void MatchValue(JsonValue expected, JsonNode? actual, string path, string? key)
    {
        if (actual is not JsonValue actualValue || actualValue.GetValueKind() != expected.GetValueKind())
        {
            Error(path, $"expected {expected.ToJsonString()} but was {Show(actual)}");
            return;
        }

        if (expected.GetValueKind() != JsonValueKind.String)
        {
            if (expected.ToJsonString() != actualValue.ToJsonString())
                Error(path, $"expected {expected.ToJsonString()} but was {actualValue.ToJsonString()}");
            return;
        }

        var want = expected.GetValue<string>();
        var got = actualValue.GetValue<string>();
        if (want.StartsWith("<traceback: ", StringComparison.Ordinal))
        {
            var core = want["<traceback: ".Length..^1];
            if (!got.Contains(core, StringComparison.Ordinal))
                Error(path, $"expected a traceback ending in \"{core}\" but was \"{got}\"");
            return;
        }

        if (Bindings.IsDatetime(want) || (key is not null && NameKeys.Contains(key) && Bindings.IsHash(want)))
        {
            if (bindings.Bind(want, got) is { } conflict)
                Error(path, conflict);
            return;
        }

        if (LooksLikeJson(want) && LooksLikeJson(got))
        {
            Match(JsonNode.Parse(want), JsonNode.Parse(got), path + "<json>");
            return;
        }

        if (bindings.MatchText(want, got) is { } mismatch)
            Error(path, mismatch);
    }

    private void MatchServerMessages(string expected, JsonNode? actual, string path)
    {
        if (actual is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            Error(path, $"expected _server_messages but was {Show(actual)}");
            return;
        }

        var want = JsonNode.Parse(expected)!.AsArray().Select(m => JsonNode.Parse(m!.GetValue<string>())).ToList();
        var got = JsonNode.Parse(value.GetValue<string>())!.AsArray().Select(m => JsonNode.Parse(m!.GetValue<string>())).ToList();
        Match(new JsonArray(want.ToArray()), new JsonArray(got.ToArray()), path + "<decoded>");
    }

    private List<JsonNode?> SortByName(JsonArray array, bool apply) =>
        array.OrderBy(n => n is JsonObject o && o["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? (apply ? bindings.Apply(v.GetValue<string>()) : v.GetValue<string>())
                : n?.ToJsonString(), StringComparer.Ordinal)
            .Select(n => n?.DeepClone())
            .ToList();

    private static bool LooksLikeJson(string text) =>
        text.Length > 1 && (text[0] == '{' || text[0] == '[') && TryParse(text);

    private static bool TryParse(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsTracebackList(string text) =>
        TryParse(text) && JsonNode.Parse(text) is JsonArray list && list.Count > 0 && list.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String);

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private void Error(string path, string message) => errors.Add($"{path}: {message}");
}
