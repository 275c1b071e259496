using System.Text;
using ErpSync.Emulator.Errors;
using ErpSync.Emulator.Python;
using Microsoft.AspNetCore.Http;

namespace ErpSync.Emulator.Http;

/// <summary>
/// Frappe's <c>make_form_dict</c>: a JSON body (Content-Type application/json, non-empty) is the argument
/// dict and the query string is ignored; otherwise query string and form fields are merged. A body that
/// does not parse fails with 500 JSONDecodeError; a JSON body that is not an object with 417.
/// </summary>
internal sealed class RequestArgs
{
    private RequestArgs(OrderedDictionary<string, object?> form, string rawBody)
    {
        Form = form;
        RawBody = rawBody;
    }

    public OrderedDictionary<string, object?> Form { get; }

    public string RawBody { get; }

    public static async Task<RequestArgs> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string raw;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            raw = await reader.ReadToEndAsync(cancellationToken);
        var form = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var contentType = request.ContentType ?? string.Empty;
        if (contentType.Contains("application/json", StringComparison.OrdinalIgnoreCase) && raw.Length > 0)
        {
            object? parsed;
            try
            {
                parsed = PyJsonParser.Parse(raw);
            }
            catch (PyJsonException e)
            {
                throw Fail.Server($"json.decoder.JSONDecodeError: {e.Message}");
            }

            form = parsed as OrderedDictionary<string, object?> ?? throw Fail.Throw("Invalid request arguments");
        }
        else
        {
            foreach (var (key, values) in request.Query)
                form[key] = values.Count > 0 ? values[0] : string.Empty;
            if (contentType.Contains("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                || contentType.Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var (key, values) in ParseForm(raw, contentType))
                    form[key] = values;
            }
        }

        form.Remove("_");
        return new RequestArgs(form, raw);
    }

    /// <summary>
    /// <c>get_request_form_data</c>: the document of a POST/PUT. A <c>data</c> argument (form field or JSON
    /// key) holds it as JSON; otherwise the raw body is parsed; a body that does not parse gives the arguments.
    /// </summary>
    public OrderedDictionary<string, object?> DocumentData()
    {
        var data = Form.GetValueOrDefault("data");
        switch (data)
        {
            case OrderedDictionary<string, object?> dict:
                return Copy(dict);
            case string text:
                return TryParseObject(text) ?? Copy(Form);
            case null:
                return TryParseObject(RawBody) ?? Copy(Form);
            default:
                return Copy(Form);
        }
    }

    private static OrderedDictionary<string, object?>? TryParseObject(string text)
    {
        try
        {
            return PyJsonParser.Parse(text) is OrderedDictionary<string, object?> dict ? dict : null;
        }
        catch (PyJsonException)
        {
            return null;
        }
    }

    private static OrderedDictionary<string, object?> Copy(OrderedDictionary<string, object?> source)
    {
        var copy = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in source)
            copy[k] = v;
        return copy;
    }

    private static IEnumerable<(string Key, string Value)> ParseForm(string raw, string contentType)
    {
        if (contentType.Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return MultipartForm.Parse(raw, contentType);
        return raw.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            return (Decode(key), Decode(value));
        });
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
