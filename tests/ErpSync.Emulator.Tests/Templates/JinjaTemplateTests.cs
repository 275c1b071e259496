using ErpSync.Emulator.Python;
using ErpSync.Emulator.Templates;

namespace ErpSync.Emulator.Tests.Templates;

public sealed class JinjaTemplateTests
{
    private static IReadOnlyDictionary<string, object?> Scope() => new Dictionary<string, object?>
    {
        ["doc"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = "SO-1",
            ["total"] = 10.0,
            ["docstatus"] = 1L,
            ["notes"] = null,
            ["customer"] = "Quote \"Q\" Co",
            ["items"] = new List<object?>
            {
                new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["item_code"] = "A", ["qty"] = 2.0 },
                new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["item_code"] = "B", ["qty"] = 1.0 },
            },
        },
    };

    private static string Render(string template) => JinjaTemplate.Parse(template).Render(Scope());

    [Theory]
    [InlineData("{{ doc.name }}", "SO-1")]
    [InlineData("{{ doc.total }}", "10.0")]
    [InlineData("{{ doc.docstatus }}", "1")]
    [InlineData("{{ doc.notes }}", "None")]
    [InlineData("{{ doc.missing }}", "None")]
    [InlineData("{{ nothing }}", "")]
    [InlineData("{{ doc[\"items\"] | length }}", "2")]
    [InlineData("{{ doc.name | json }}", "\"SO-1\"")]
    [InlineData("{{ doc.customer | json }}", "\"Quote \\\"Q\\\" Co\"")]
    [InlineData("{{ doc.items[0].item_code }}", "A")]
    [InlineData("{{ doc.total * 2 }}", "20.0")]
    [InlineData("{{ 'x' ~ doc.name }}", "xSO-1")]
    [InlineData("{% if doc.docstatus == 1 %}submitted{% else %}draft{% endif %}", "submitted")]
    [InlineData("{% for row in doc.items %}{{ row.item_code }};{% endfor %}", "A;B;")]
    [InlineData("a {#- comment -#} b", "ab")]
    public void Render_Subset_AsJinja(string template, string expected) => Render(template).ShouldBe(expected);

    [Fact]
    public void Render_WholeDocJson_IsSortedPrettyJson()
    {
        var rendered = Render("{{ doc.items[1] | json }}");

        rendered.ShouldBe("{\n \"item_code\": \"B\",\n \"qty\": 1.0\n}");
    }

    [Fact]
    public void Render_QuotedValueInQuotedTemplate_BreaksJsonLikeFrappe()
    {
        var rendered = Render("{\"customer\": \"{{ doc.customer }}\"}");

        Should.Throw<PyJsonException>(() => PyJsonParser.Parse(rendered)).Message.ShouldStartWith("Expecting ',' delimiter");
    }

    [Theory]
    [InlineData("{{ doc.name ", "expected '}}'")]
    [InlineData("{% if x %}open", "missing endif")]
    [InlineData("{% while x %}{% endwhile %}", "unknown tag 'while'")]
    public void Parse_Broken_Throws(string template, string fragment) =>
        Should.Throw<TemplateException>(() => JinjaTemplate.Parse(template)).Message.ShouldContain(fragment);

    [Theory]
    [InlineData("doc.docstatus == 1", true)]
    [InlineData("doc.name != 'SO-1'", false)]
    [InlineData("doc.total > 5 and doc.docstatus == 1", true)]
    [InlineData("doc.notes is None", true)]
    [InlineData("not doc.notes", true)]
    [InlineData("'Q' in doc.customer", true)]
    [InlineData("doc.get('total') >= 10", true)]
    [InlineData("len(doc['items']) == 2", true)]
    [InlineData("doc.name.startswith('SO')", true)]
    [InlineData("doc.total if doc.docstatus else 0", true)]
    public void Condition_PythonSubset_Evaluates(string condition, bool expected) =>
        PyConvert.Truthy(ExprParser.Compile(condition, jinja: false)(Scope())).ShouldBe(expected);

    [Theory]
    [InlineData("doc.name < 5", "TypeError")]
    [InlineData("unknown_name == 1", "NameError")]
    [InlineData("doc.name ==", "SyntaxError")]
    public void Condition_Invalid_FailsLikePython(string condition, string error) =>
        Should.Throw<TemplateException>(() => ExprParser.Compile(condition, jinja: false)(Scope())).Message.ShouldStartWith(error);
}
