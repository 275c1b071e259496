namespace ErpSync.Store.Sql;

/// <summary>Enums are stored as their lowercase names (<c>pending</c>, <c>cloud</c>, <c>modified</c>), as the original tool's SQL expects.</summary>
internal static class EnumText
{
    public static string ToText<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static T Parse<T>(string text)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"The state database holds '{text}' where a {typeof(T).Name} was expected.");
}
