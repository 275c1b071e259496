namespace ErpSync.Emulator.Http;

/// <summary>Text fields of a <c>multipart/form-data</c> body (files are not part of the REST API emulated).</summary>
internal static class MultipartForm
{
    public static IEnumerable<(string Key, string Value)> Parse(string raw, string contentType)
    {
        var marker = "boundary=";
        var at = contentType.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            yield break;
        var boundary = "--" + contentType[(at + marker.Length)..].Split(';')[0].Trim('"', ' ');
        foreach (var part in raw.Split(boundary))
        {
            var headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd < 0)
                continue;
            var headers = part[..headerEnd];
            var nameAt = headers.IndexOf("name=\"", StringComparison.OrdinalIgnoreCase);
            if (nameAt < 0)
                continue;
            var nameStart = nameAt + 6;
            var nameEnd = headers.IndexOf('"', nameStart);
            var value = part[(headerEnd + 4)..];
            if (value.EndsWith("\r\n", StringComparison.Ordinal))
                value = value[..^2];
            yield return (headers[nameStart..nameEnd], value);
        }
    }
}
