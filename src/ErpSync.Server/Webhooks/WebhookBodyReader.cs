using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ErpSync.Server.Webhooks;

/// <summary>
/// Reads a request body of at most a given size without ever holding more than that in memory. An oversized
/// body is read on and thrown away up to <see cref="DrainLimit"/>, so the sender (which writes its whole body
/// before it reads the answer, as python-requests does) receives the 413 instead of a reset connection; a
/// body announced or found to be larger still is answered at once and the connection closed.
/// </summary>
internal static class WebhookBodyReader
{
    /// <summary>The most an oversized request is read (and discarded) to deliver its 413 cleanly.</summary>
    public static long DrainLimit(int maxBytes) => Math.Max(8L * maxBytes, 8L * 1024 * 1024);

    /// <summary>The body, or <c>null</c> when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var drainLimit = DrainLimit(maxBytes);
        if (request.ContentLength is { } declared && declared > maxBytes)
        {
            if (declared > drainLimit)
                request.HttpContext.Response.Headers[HeaderNames.Connection] = "close";
            else
                await DrainAsync(request, drainLimit, 0, cancellationToken);
            return null;
        }

        var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[Math.Min(16 * 1024, maxBytes + 1)];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, cancellationToken);
            if (read == 0)
                return buffer.ToArray();
            if (buffer.Length + read > maxBytes)
            {
                await DrainAsync(request, drainLimit, buffer.Length + read, cancellationToken);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }

    private static async Task DrainAsync(HttpRequest request, long drainLimit, long alreadyRead, CancellationToken cancellationToken)
    {
        var scratch = new byte[16 * 1024];
        var total = alreadyRead;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(scratch, cancellationToken)) > 0)
            {
                total += read;
                if (total > drainLimit)
                {
                    request.HttpContext.Response.Headers[HeaderNames.Connection] = "close";
                    return;
                }
            }
        }
        catch (BadHttpRequestException)
        {
            request.HttpContext.Response.Headers[HeaderNames.Connection] = "close";
        }
    }
}
