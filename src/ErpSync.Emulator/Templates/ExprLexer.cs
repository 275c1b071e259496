using System.Globalization;
using System.Text;

namespace ErpSync.Emulator.Templates;

/// <summary>Tokens of the Python/Jinja expression subset.</summary>
internal enum TokenKind
{
    Name,
    String,
    Number,
    Op,
    End,
}

internal sealed record Token(TokenKind Kind, string Text, object? Value = null);

/// <summary>Splits a Python/Jinja expression into tokens.</summary>
internal static class ExprLexer
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "//", "**", "<", ">", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", ".", "|", "~", ":", "{", "}"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    i++;
                tokens.Add(new Token(TokenKind.Name, text[start..i]));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                    i++;
                var literal = text[start..i];
                var value = literal.Contains('.', StringComparison.Ordinal)
                    ? (object)double.Parse(literal, CultureInfo.InvariantCulture)
                    : long.Parse(literal, CultureInfo.InvariantCulture);
                tokens.Add(new Token(TokenKind.Number, literal, value));
                continue;
            }

            if (c is '"' or '\'')
            {
                tokens.Add(new Token(TokenKind.String, c.ToString(), ReadString(text, ref i)));
                continue;
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                     ?? throw new TemplateException($"unexpected character '{c}' at position {i}");
            tokens.Add(new Token(TokenKind.Op, op));
            i += op.Length;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty));
        return tokens;
    }

    private static string ReadString(string text, ref int i)
    {
        var quote = text[i++];
        var sb = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                sb.Append(text[i] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    var other => other,
                });
            }
            else
            {
                sb.Append(text[i]);
            }

            i++;
        }

        if (i >= text.Length)
            throw new TemplateException("EOL while scanning string literal");
        i++;
        return sb.ToString();
    }
}
