using ErpSync.Emulator.Documents;
using ErpSync.Emulator.Model;

namespace ErpSync.Emulator.Controllers;

/// <summary>
/// Server-side behaviour of one DocType (Frappe's controller class): naming, defaults and recomputed
/// values. The base does nothing, like a DocType without a controller.
/// </summary>
internal class DocController
{
    public static readonly DocController None = new();

    /// <summary>Controller <c>autoname()</c>; null falls through to the DocType's autoname option.</summary>
    public virtual string? Autoname(DocContext ctx, Doc doc) => null;

    /// <summary><c>before_insert</c>.</summary>
    public virtual void BeforeInsert(DocContext ctx, Doc doc)
    {
    }

    /// <summary><c>validate</c> / <c>before_save</c> / <c>before_submit</c> / <c>before_update_after_submit</c>.</summary>
    public virtual void Validate(DocContext ctx, Doc doc, DocAction action)
    {
    }

    /// <summary><c>before_cancel</c>.</summary>
    public virtual void BeforeCancel(DocContext ctx, Doc doc)
    {
    }

    /// <summary><c>on_update</c> / <c>on_submit</c> / <c>on_cancel</c>: may set values the way <c>db_set</c> does.</summary>
    public virtual void AfterSave(DocContext ctx, Doc doc, DocAction action)
    {
    }

    /// <summary><c>on_trash</c>.</summary>
    public virtual void OnTrash(DocContext ctx, Doc doc)
    {
    }
}
