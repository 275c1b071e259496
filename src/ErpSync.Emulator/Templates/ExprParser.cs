using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Templates;

/// <summary>A compiled expression: evaluates against variables by name.</summary>
internal delegate object? Expr(IReadOnlyDictionary<string, object?> scope);

/// <summary>
/// Compiles the expression subset shared by Jinja <c>{{ … }}</c> and webhook conditions (Python): literals,
/// names, attribute/index access, calls, filters (<c>|</c>), arithmetic, comparisons (<c>in</c>, <c>is</c>
/// included), <c>and</c>/<c>or</c>/<c>not</c> and <c>x if c else y</c>.
/// </summary>
internal sealed class ExprParser
{
    private readonly List<Token> _tokens;
    private int _pos;

    private ExprParser(string text) => _tokens = ExprLexer.Tokenize(text);

    /// <summary>Undefined names in Jinja render as an empty string; Python raises NameError instead.</summary>
    public static readonly object Undefined = new();

    public static Expr Compile(string text, bool jinja)
    {
        var parser = new ExprParser(text);
        var expr = parser.Ternary(jinja);
        if (parser.Peek.Kind != TokenKind.End)
            throw new TemplateException($"SyntaxError: unexpected '{parser.Peek.Text}'");
        return expr;
    }

    private Token Peek => _tokens[_pos];

    private bool IsName(string name) => Peek.Kind == TokenKind.Name && Peek.Text == name;

    private bool IsOp(string op) => Peek.Kind == TokenKind.Op && Peek.Text == op;

    private Token Next() => _tokens[_pos++];

    private void Expect(string op)
    {
        if (!IsOp(op))
            throw new TemplateException($"SyntaxError: expected '{op}' but found '{Peek.Text}'");
        _pos++;
    }

    private Expr Ternary(bool jinja)
    {
        var body = Or(jinja);
        if (!IsName("if"))
            return body;
        _pos++;
        var condition = Or(jinja);
        Expr orElse = _ => null;
        if (IsName("else"))
        {
            _pos++;
            orElse = Ternary(jinja);
        }

        return s => PyConvert.Truthy(condition(s)) ? body(s) : orElse(s);
    }

    private Expr Or(bool jinja)
    {
        var left = And(jinja);
        while (IsName("or"))
        {
            _pos++;
            var l = left;
            var right = And(jinja);
            left = s => l(s) is var v && PyConvert.Truthy(v) ? v : right(s);
        }

        return left;
    }

    private Expr And(bool jinja)
    {
        var left = Not(jinja);
        while (IsName("and"))
        {
            _pos++;
            var l = left;
            var right = Not(jinja);
            left = s => l(s) is var v && !PyConvert.Truthy(v) ? v : right(s);
        }

        return left;
    }

    private Expr Not(bool jinja)
    {
        if (!IsName("not"))
            return Comparison(jinja);
        _pos++;
        var inner = Not(jinja);
        return s => !PyConvert.Truthy(inner(s));
    }

    private Expr Comparison(bool jinja)
    {
        var first = Additive(jinja);
        var parts = new List<(string Op, Expr Right)>();
        while (true)
        {
            string? op = null;
            if (Peek.Kind == TokenKind.Op && Peek.Text is "==" or "!=" or "<" or ">" or "<=" or ">=")
                op = Next().Text;
            else if (IsName("in"))
                op = Next().Text;
            else if (IsName("not") && _tokens[_pos + 1] is { Kind: TokenKind.Name, Text: "in" })
            {
                _pos += 2;
                op = "not in";
            }
            else if (IsName("is"))
            {
                _pos++;
                op = "is";
                if (IsName("not"))
                {
                    _pos++;
                    op = "is not";
                }
            }

            if (op is null)
                break;
            parts.Add((op, Additive(jinja)));
        }

        if (parts.Count == 0)
            return first;
        return s =>
        {
            var left = first(s);
            foreach (var (op, rightExpr) in parts)
            {
                var right = rightExpr(s);
                if (!PyOps.Compare(op, left, right))
                    return false;
                left = right;
            }

            return true;
        };
    }

    private Expr Additive(bool jinja)
    {
        var left = Term(jinja);
        while (Peek.Kind == TokenKind.Op && Peek.Text is "+" or "-" or "~")
        {
            var op = Next().Text;
            var l = left;
            var right = Term(jinja);
            left = s => PyOps.Binary(op, l(s), right(s));
        }

        return left;
    }

    private Expr Term(bool jinja)
    {
        var left = Unary(jinja);
        while (Peek.Kind == TokenKind.Op && Peek.Text is "*" or "/" or "//" or "%")
        {
            var op = Next().Text;
            var l = left;
            var right = Unary(jinja);
            left = s => PyOps.Binary(op, l(s), right(s));
        }

        return left;
    }

    private Expr Unary(bool jinja)
    {
        if (IsOp("-"))
        {
            _pos++;
            var inner = Unary(jinja);
            return s => PyOps.Binary("-", 0L, inner(s));
        }

        if (IsOp("+"))
        {
            _pos++;
            return Unary(jinja);
        }

        return Filtered(jinja);
    }

    private Expr Filtered(bool jinja)
    {
        var value = Postfix(jinja);
        while (jinja && IsOp("|"))
        {
            _pos++;
            var name = Next();
            if (name.Kind != TokenKind.Name)
                throw new TemplateException("TemplateSyntaxError: expected a filter name");
            var args = IsOp("(") ? Arguments(jinja) : [];
            var inner = value;
            var filter = name.Text;
            value = s => PyBuiltins.Filter(filter, inner(s), args.Select(a => a(s)).ToList());
        }

        return value;
    }

    private Expr Postfix(bool jinja)
    {
        var value = Primary(jinja);
        while (true)
        {
            if (IsOp("."))
            {
                _pos++;
                var attr = Next().Text;
                var target = value;
                value = s => PyBuiltins.Attribute(target(s), attr, jinja);
            }
            else if (IsOp("["))
            {
                _pos++;
                var index = Ternary(jinja);
                Expect("]");
                var target = value;
                value = s => PyBuiltins.Index(target(s), index(s));
            }
            else if (IsOp("("))
            {
                var args = Arguments(jinja);
                var target = value;
                value = s => PyBuiltins.Call(target(s), args.Select(a => a(s)).ToList());
            }
            else
            {
                return value;
            }
        }
    }

    private List<Expr> Arguments(bool jinja)
    {
        Expect("(");
        var args = new List<Expr>();
        while (!IsOp(")"))
        {
            args.Add(Ternary(jinja));
            if (!IsOp(","))
                break;
            _pos++;
        }

        Expect(")");
        return args;
    }

    private Expr Primary(bool jinja)
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
                var literal = token.Value;
                return _ => literal;
            case TokenKind.Name:
                switch (token.Text)
                {
                    case "True" or "true": return _ => true;
                    case "False" or "false": return _ => false;
                    case "None" or "none": return _ => null;
                }

                var name = token.Text;
                return s => s.TryGetValue(name, out var v) ? v
                    : PyBuiltins.Function(name) ?? (jinja ? Undefined : throw new TemplateException($"NameError: name '{name}' is not defined"));
            case TokenKind.Op when token.Text == "(":
                var inner = Ternary(jinja);
                Expect(")");
                return inner;
            case TokenKind.Op when token.Text == "[":
                var items = new List<Expr>();
                while (!IsOp("]"))
                {
                    items.Add(Ternary(jinja));
                    if (!IsOp(","))
                        break;
                    _pos++;
                }

                Expect("]");
                return s => items.Select(i => i(s)).ToList();
            default:
                throw new TemplateException($"SyntaxError: unexpected '{token.Text}'");
        }
    }
}
