using ErpSync.Emulator.Model;
using ErpSync.Emulator.Python;
using ErpSync.Emulator.Templates;

namespace ErpSync.Emulator.Webhooks;

/// <summary>
/// <c>get_context(doc)</c>: the variables templates and conditions see — <c>doc</c> (the document as a dict,
/// dates as strings), <c>utils</c> / <c>frappe.utils</c> helpers and <c>nowdate</c>.
/// </summary>
internal static class WebhookScope
{
    public static IReadOnlyDictionary<string, object?> For(OrderedDictionary<string, object?> doc, SiteClock clock)
    {
        var utils = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["cint"] = new PyCallable("cint", a => PyConvert.Cint(a.FirstOrDefault())),
            ["flt"] = new PyCallable("flt", a => PyConvert.Flt(a.FirstOrDefault())),
            ["cstr"] = new PyCallable("cstr", a => PyConvert.Cstr(a.FirstOrDefault())),
            ["nowdate"] = new PyCallable("nowdate", _ => clock.Today()),
            ["today"] = new PyCallable("today", _ => clock.Today()),
            ["now"] = new PyCallable("now", _ => clock.NowString()),
        };
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["doc"] = doc,
            ["utils"] = utils,
            ["frappe"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["utils"] = utils },
            ["nowdate"] = utils["nowdate"],
        };
    }
}
