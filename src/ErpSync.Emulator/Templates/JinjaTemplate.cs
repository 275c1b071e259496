using System.Text;
using ErpSync.Emulator.Python;

namespace ErpSync.Emulator.Templates;

/// <summary>
/// The Jinja subset webhook JSON templates use: <c>{{ expression | filter }}</c>, <c>{% if %}…{% elif %}…
/// {% else %}…{% endif %}</c>, <c>{% for x in xs %}…{% endfor %}</c>, <c>{# comments #}</c> and <c>-</c>
/// whitespace control. No autoescaping, as in Frappe's <c>render_template</c>.
/// </summary>
internal sealed class JinjaTemplate
{
    private readonly List<Node> _nodes;

    private JinjaTemplate(List<Node> nodes) => _nodes = nodes;

    public static JinjaTemplate Parse(string source)
    {
        var pieces = Split(source);
        var pos = 0;
        var nodes = ParseBlock(pieces, ref pos, []);
        if (pos < pieces.Count)
            throw new TemplateException($"TemplateSyntaxError: unexpected '{pieces[pos].Text}'");
        return new JinjaTemplate(nodes);
    }

    public string Render(IReadOnlyDictionary<string, object?> scope)
    {
        var sb = new StringBuilder();
        RenderNodes(_nodes, new Dictionary<string, object?>(scope), sb);
        return sb.ToString();
    }

    private static void RenderNodes(List<Node> nodes, Dictionary<string, object?> scope, StringBuilder sb)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    sb.Append(text.Text);
                    break;
                case OutputNode output:
                    sb.Append(PyOps.Str(output.Expr(scope)));
                    break;
                case IfNode branch:
                    var taken = branch.Branches.FirstOrDefault(b => b.Condition is null || PyConvert.Truthy(b.Condition(scope)));
                    if (taken.Body is not null)
                        RenderNodes(taken.Body, scope, sb);
                    break;
                case ForNode loop:
                    var items = loop.Source(scope) switch
                    {
                        List<object?> list => list,
                        OrderedDictionary<string, object?> dict => dict.Keys.Cast<object?>().ToList(),
                        null => [],
                        var other => throw new TemplateException($"TypeError: '{PyOps.TypeName(other)}' object is not iterable"),
                    };
                    var saved = scope.TryGetValue(loop.Variable, out var previous);
                    foreach (var item in items)
                    {
                        scope[loop.Variable] = item;
                        RenderNodes(loop.Body, scope, sb);
                    }

                    if (saved)
                        scope[loop.Variable] = previous;
                    else
                        scope.Remove(loop.Variable);
                    break;
            }
        }
    }

    private static List<Node> ParseBlock(List<Piece> pieces, ref int pos, string[] terminators)
    {
        var nodes = new List<Node>();
        while (pos < pieces.Count)
        {
            var piece = pieces[pos];
            if (piece.Kind == PieceKind.Text)
            {
                nodes.Add(new TextNode(piece.Text));
                pos++;
                continue;
            }

            if (piece.Kind == PieceKind.Output)
            {
                nodes.Add(new OutputNode(ExprParser.Compile(piece.Text, jinja: true)));
                pos++;
                continue;
            }

            var keyword = piece.Text.Split(' ', 2)[0];
            if (terminators.Contains(keyword))
                return nodes;
            pos++;
            switch (keyword)
            {
                case "if":
                    var branches = new List<(Expr?, List<Node>)>();
                    var condition = ExprParser.Compile(piece.Text[2..], jinja: true);
                    while (true)
                    {
                        var body = ParseBlock(pieces, ref pos, ["elif", "else", "endif"]);
                        branches.Add((condition, body));
                        if (pos >= pieces.Count)
                            throw new TemplateException("TemplateSyntaxError: missing endif");
                        var end = pieces[pos++].Text;
                        if (end.StartsWith("elif", StringComparison.Ordinal))
                            condition = ExprParser.Compile(end[4..], jinja: true);
                        else if (end == "else")
                            condition = null;
                        else
                            break;
                    }

                    nodes.Add(new IfNode(branches));
                    break;
                case "for":
                    var header = piece.Text[3..].Trim();
                    var inAt = header.IndexOf(" in ", StringComparison.Ordinal);
                    if (inAt < 0)
                        throw new TemplateException("TemplateSyntaxError: expected 'for x in y'");
                    var loopBody = ParseBlock(pieces, ref pos, ["endfor"]);
                    if (pos >= pieces.Count)
                        throw new TemplateException("TemplateSyntaxError: missing endfor");
                    pos++;
                    nodes.Add(new ForNode(header[..inAt].Trim(), ExprParser.Compile(header[(inAt + 4)..], jinja: true), loopBody));
                    break;
                default:
                    throw new TemplateException($"TemplateSyntaxError: Encountered unknown tag '{keyword}'.");
            }
        }

        return nodes;
    }

    private static List<Piece> Split(string source)
    {
        var pieces = new List<Piece>();
        var i = 0;
        var trimNextText = false;
        while (i < source.Length)
        {
            var open = source.IndexOf('{', i);
            while (open >= 0 && open + 1 < source.Length && source[open + 1] is not ('{' or '%' or '#'))
                open = source.IndexOf('{', open + 1);
            if (open < 0 || open + 1 >= source.Length)
            {
                AddText(pieces, source[i..], trimNextText, trimEnd: false);
                break;
            }

            var kind = source[open + 1];
            var close = kind switch { '{' => "}}", '%' => "%}", _ => "#}" };
            var end = source.IndexOf(close, open + 2, StringComparison.Ordinal);
            if (end < 0)
                throw new TemplateException($"TemplateSyntaxError: unexpected end of template, expected '{close}'");
            var inner = source[(open + 2)..end];
            var trimBefore = inner.StartsWith('-');
            var trimAfter = inner.EndsWith('-');
            AddText(pieces, source[i..open], trimNextText, trimBefore);
            inner = inner.Trim('-').Trim();
            if (kind == '{')
                pieces.Add(new Piece(PieceKind.Output, inner));
            else if (kind == '%')
                pieces.Add(new Piece(PieceKind.Tag, inner));
            trimNextText = trimAfter;
            i = end + 2;
        }

        return pieces;
    }

    private static void AddText(List<Piece> pieces, string text, bool trimStart, bool trimEnd)
    {
        if (trimStart)
            text = text.TrimStart();
        if (trimEnd)
            text = text.TrimEnd();
        if (text.Length > 0)
            pieces.Add(new Piece(PieceKind.Text, text));
    }

    private enum PieceKind
    {
        Text,
        Output,
        Tag,
    }

    private sealed record Piece(PieceKind Kind, string Text);

    private abstract record Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record OutputNode(Expr Expr) : Node;

    private sealed record IfNode(List<(Expr? Condition, List<Node> Body)> Branches) : Node;

    private sealed record ForNode(string Variable, Expr Source, List<Node> Body) : Node;
}
