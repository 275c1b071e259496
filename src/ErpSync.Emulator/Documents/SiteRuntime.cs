using ErpSync.Emulator.Controllers;
using ErpSync.Emulator.Meta;
using ErpSync.Emulator.Model;
using ErpSync.Emulator.Storage;

namespace ErpSync.Emulator.Documents;

/// <summary>
/// Everything one emulated site is made of, behind a single lock: committed data, metadata, clock,
/// controllers, global defaults and the hook that turns committed events into webhook jobs.
/// </summary>
internal sealed class SiteRuntime
{
    public SiteRuntime(EmulatorOptions options)
    {
        Options = options;
        Clock = new SiteClock(options.TimeProvider, options.TimeZone);
    }

    public EmulatorOptions Options { get; }

    public SiteDatabase Db { get; } = new();

    public MetaRegistry Metas { get; } = new();

    public SiteClock Clock { get; }

    public ControllerRegistry Controllers { get; } = new();

    /// <summary><c>frappe.defaults</c> global defaults by fieldname (company, currency…), used for new documents.</summary>
    public Dictionary<string, string> Defaults { get; } = new(StringComparer.Ordinal);

    /// <summary>Called inside the lock before commit with the request's events; schedules webhook jobs after commit.</summary>
    public Action<DocContext>? OnEvents { get; set; }

    public Func<string, DocTypeDef?> MetaLookup => Metas.Find;

    /// <summary>Runs a write as <paramref name="user"/> in one transaction: all of it commits or none of it.</summary>
    public T Write<T>(string user, Func<DocContext, T> operation)
    {
        lock (Db.Gate)
        {
            var tx = new SiteTransaction(Db, doc => StorageForm.Of(doc, Metas.Find));
            var ctx = new DocContext(this, tx, user);
            var result = operation(ctx);
            OnEvents?.Invoke(ctx);
            tx.Commit();
            return result;
        }
    }

    /// <summary>Runs a read against committed state.</summary>
    public T Read<T>(Func<DocContext, T> operation)
    {
        lock (Db.Gate)
            return operation(new DocContext(this, new SiteTransaction(Db), Options.User));
    }
}
