using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace ErpSync.Emulator.Python;

/// <summary>Which of Python's <c>json.dumps</c> layouts to produce.</summary>
internal enum PyJsonStyle
{
    /// <summary><c>separators=(",", ":")</c>: Frappe's HTTP responses.</summary>
    Compact,

    /// <summary>Python's default <c>", "</c> and <c>": "</c>: webhook bodies and <c>_server_messages</c>.</summary>
    Default,

    /// <summary><c>indent=1, sort_keys=True</c> (<c>frappe.as_json</c>): Deleted Document and request-log text.</summary>
    Pretty,
}

/// <summary>
/// Byte-exact <c>json.dumps</c> with <c>ensure_ascii=True</c> over the emulator's value model, because
/// webhook signatures are computed over these exact bytes and clients compare bodies.
/// </summary>
internal static class PyJson
{
    public static string Serialize(object? value, PyJsonStyle style = PyJsonStyle.Default)
    {
        var sb = new StringBuilder();
        Write(sb, value, style, 0);
        return sb.ToString();
    }

    public static byte[] SerializeToUtf8(object? value, PyJsonStyle style = PyJsonStyle.Compact)
    {
        // ensure_ascii output is pure ASCII, so one byte per char.
        var text = Serialize(value, style);
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        return bytes;
    }

    public static void WriteTo(IBufferWriter<byte> writer, object? value, PyJsonStyle style = PyJsonStyle.Compact)
    {
        var text = Serialize(value, style);
        var span = writer.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
            span[i] = (byte)text[i];
        writer.Advance(text.Length);
    }

    private static void Write(StringBuilder sb, object? value, PyJsonStyle style, int depth)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case int i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case BigInteger big:
                sb.Append(big.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(PyFormat.Float(d));
                break;
            case byte[] bytes:
                // json_handler in Frappe turns bytes into a list of ints (see the request log transcript).
                Write(sb, bytes.Select(x => (object?)(long)x).ToList(), style, depth);
                break;
            case OrderedDictionary<string, object?> dict:
                WriteObject(sb, dict, style, depth);
                break;
            case IEnumerable<object?> list:
                WriteArray(sb, list as IList<object?> ?? list.ToList(), style, depth);
                break;
            default:
                WriteString(sb, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    private static void WriteObject(StringBuilder sb, OrderedDictionary<string, object?> dict, PyJsonStyle style, int depth)
    {
        if (dict.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        IEnumerable<KeyValuePair<string, object?>> entries = dict;
        if (style == PyJsonStyle.Pretty)
            entries = dict.OrderBy(e => e.Key, StringComparer.Ordinal);
        sb.Append('{');
        var first = true;
        foreach (var (key, item) in entries)
        {
            if (!first)
                sb.Append(style == PyJsonStyle.Default ? ", " : ",");
            first = false;
            if (style == PyJsonStyle.Pretty)
                Indent(sb, depth + 1);
            WriteString(sb, key);
            sb.Append(style == PyJsonStyle.Compact ? ":" : ": ");
            Write(sb, item, style, depth + 1);
        }

        if (style == PyJsonStyle.Pretty)
            Indent(sb, depth);
        sb.Append('}');
    }

    private static void WriteArray(StringBuilder sb, IList<object?> list, PyJsonStyle style, int depth)
    {
        if (list.Count == 0)
        {
            sb.Append("[]");
            return;
        }

        sb.Append('[');
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
                sb.Append(style == PyJsonStyle.Default ? ", " : ",");
            if (style == PyJsonStyle.Pretty)
                Indent(sb, depth + 1);
            Write(sb, list[i], style, depth + 1);
        }

        if (style == PyJsonStyle.Pretty)
            Indent(sb, depth);
        sb.Append(']');
    }

    private static void Indent(StringBuilder sb, int depth) => sb.Append('\n').Append(' ', depth);

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }
}
