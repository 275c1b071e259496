using System.Globalization;
using System.Numerics;
using System.Text;

namespace ErpSync.Emulator.Python;

/// <summary>
/// Python's <c>json.loads</c>: same accepted language (NaN/Infinity, arbitrary-size ints, duplicate keys keep
/// the first position and the last value) and the same error messages with line/column/char positions,
/// because Frappe echoes those messages in its 500 bodies and webhook request logs.
/// Objects become <see cref="OrderedDictionary{TKey,TValue}"/>, arrays <see cref="List{T}"/>,
/// integers long (or BigInteger), floats double.
/// </summary>
internal sealed class PyJsonParser
{
    private readonly string _s;
    private int _pos;

    private PyJsonParser(string s) => _s = s;

    public static object? Parse(string text)
    {
        var parser = new PyJsonParser(text);
        parser.SkipWhitespace();
        var value = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser._pos != text.Length)
            throw parser.Error("Extra data", parser._pos);
        return value;
    }

    private PyJsonException Error(string message, int pos)
    {
        var lineNo = 1;
        var lastNewline = -1;
        for (var i = 0; i < pos && i < _s.Length; i++)
        {
            if (_s[i] == '\n')
            {
                lineNo++;
                lastNewline = i;
            }
        }

        var colNo = pos - lastNewline;
        return new PyJsonException($"{message}: line {lineNo} column {colNo} (char {pos})");
    }

    private void SkipWhitespace()
    {
        while (_pos < _s.Length && _s[_pos] is ' ' or '\t' or '\n' or '\r')
            _pos++;
    }

    private object? ParseValue()
    {
        if (_pos >= _s.Length)
            throw Error("Expecting value", _pos);
        var c = _s[_pos];
        switch (c)
        {
            case '"':
                return ParseString();
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
        }

        if (Matches("null"))
            return Advance(4, null);
        if (Matches("true"))
            return Advance(4, true);
        if (Matches("false"))
            return Advance(5, false);
        if (Matches("NaN"))
            return Advance(3, double.NaN);
        if (Matches("Infinity"))
            return Advance(8, double.PositiveInfinity);
        if (Matches("-Infinity"))
            return Advance(9, double.NegativeInfinity);
        return ParseNumber();
    }

    private bool Matches(string literal) => string.CompareOrdinal(_s, _pos, literal, 0, literal.Length) == 0;

    private object? Advance(int count, object? value)
    {
        _pos += count;
        return value;
    }

    private object ParseNumber()
    {
        var start = _pos;
        var i = _pos;
        if (i < _s.Length && _s[i] == '-')
            i++;
        if (i >= _s.Length || !char.IsAsciiDigit(_s[i]))
            throw Error("Expecting value", start);
        if (_s[i] == '0')
            i++;
        else
            while (i < _s.Length && char.IsAsciiDigit(_s[i]))
                i++;
        var isFloat = false;
        if (i + 1 < _s.Length && _s[i] == '.' && char.IsAsciiDigit(_s[i + 1]))
        {
            isFloat = true;
            i += 2;
            while (i < _s.Length && char.IsAsciiDigit(_s[i]))
                i++;
        }

        if (i < _s.Length && _s[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < _s.Length && _s[j] is '+' or '-')
                j++;
            if (j < _s.Length && char.IsAsciiDigit(_s[j]))
            {
                isFloat = true;
                while (j < _s.Length && char.IsAsciiDigit(_s[j]))
                    j++;
                i = j;
            }
        }

        _pos = i;
        var text = _s[start..i];
        if (isFloat)
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return l;
        return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private string ParseString()
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _s.Length)
                throw Error("Unterminated string starting at", start);
            var c = _s[_pos];
            if (c == '"')
            {
                _pos++;
                return sb.ToString();
            }

            if (c < 0x20)
                throw Error("Invalid control character at", _pos);
            if (c != '\\')
            {
                sb.Append(c);
                _pos++;
                continue;
            }

            if (_pos + 1 >= _s.Length)
                throw Error("Unterminated string starting at", start);
            var e = _s[_pos + 1];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 6 > _s.Length || !int.TryParse(_s.AsSpan(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        throw Error("Invalid \\uXXXX escape", _pos + 1);
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error("Invalid \\escape", _pos);
            }

            _pos += 2;
        }
    }

    private OrderedDictionary<string, object?> ParseObject()
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        _pos++;
        SkipWhitespace();
        if (_pos < _s.Length && _s[_pos] == '}')
        {
            _pos++;
            return result;
        }

        while (true)
        {
            if (_pos >= _s.Length || _s[_pos] != '"')
                throw Error("Expecting property name enclosed in double quotes", _pos);
            var key = ParseString();
            SkipWhitespace();
            if (_pos >= _s.Length || _s[_pos] != ':')
                throw Error("Expecting ':' delimiter", _pos);
            _pos++;
            SkipWhitespace();
            result[key] = ParseValue();
            SkipWhitespace();
            if (_pos < _s.Length && _s[_pos] == '}')
            {
                _pos++;
                return result;
            }

            if (_pos >= _s.Length || _s[_pos] != ',')
                throw Error("Expecting ',' delimiter", _pos);
            _pos++;
            SkipWhitespace();
        }
    }

    private List<object?> ParseArray()
    {
        var result = new List<object?>();
        _pos++;
        SkipWhitespace();
        if (_pos < _s.Length && _s[_pos] == ']')
        {
            _pos++;
            return result;
        }

        while (true)
        {
            result.Add(ParseValue());
            SkipWhitespace();
            if (_pos < _s.Length && _s[_pos] == ']')
            {
                _pos++;
                return result;
            }

            if (_pos >= _s.Length || _s[_pos] != ',')
                throw Error("Expecting ',' delimiter", _pos);
            _pos++;
            SkipWhitespace();
        }
    }
}
