using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Documents;

/// <summary>One request's view of the site: its transaction, the acting user, one clock reading and the events it raised.</summary>
internal sealed class DocContext(SiteRuntime site, SiteTransaction tx, string user)
{
    private string? _now;

    public SiteRuntime Site { get; } = site;

    public SiteTransaction Tx { get; } = tx;

    public string User { get; } = user;

    public List<DocEvent> Events { get; } = [];

    /// <summary>Non-raising <c>msgprint</c>s of this request (answered as <c>_server_messages</c>).</summary>
    public List<Errors.ServerMessage> Messages { get; } = [];

    /// <summary><c>frappe.utils.now()</c>, read once per request so a document and its rows share it.</summary>
    public string Now => _now ??= Site.Clock.NowString();

    public string Today => Now[..10];

    /// <summary>Lets a second save in the same request take a fresh timestamp.</summary>
    public void Tick() => _now = null;

    public DocTypeDef Meta(string doctype) => Site.Metas.Find(doctype) ?? throw Errors.Fail.UnknownDocType(doctype);

    public DocTypeDef? FindMeta(string doctype) => Site.Metas.Find(doctype);

    public void Raise(Doc doc, string method, bool inInsert) => Events.Add(new DocEvent(doc, method, inInsert));
}
