using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>
/// Keys for <see cref="IDocumentLocks"/>. A pair is keyed by its cloud name when it has one, else by its local
/// name — so every event about a pair, from either site, waits for the same key once the pair exists. Same-named
/// DocTypes key a document known on one site only by the name it has (or will have) on both. Names compare
/// case-insensitively, as Frappe's database does.
/// </summary>
internal static class LockKeys
{
    /// <summary>The pair key of the document <paramref name="name"/> on <paramref name="site"/>, given its record.</summary>
    public static string Pair(DocTypeContext docType, SyncRecord? record, SiteName site, string name)
    {
        if (record?.CloudName is { } cloudName)
            return Key(docType.Name, SiteName.Cloud, cloudName);
        if (record?.LocalName is { } localName)
            return docType.IsMapped ? Key(docType.Name, SiteName.Local, localName) : Key(docType.Name, SiteName.Cloud, localName);
        return docType.IsMapped ? Key(docType.Name, site, name) : Key(docType.Name, SiteName.Cloud, name);
    }

    /// <summary>
    /// The key every insert of <paramref name="docType"/> (on either site), every pairing of two existing documents
    /// and every first record of a pair is made under, after checking the store again: no two workers or processes
    /// can then both decide that a document still needs a copy.
    /// </summary>
    public static string Creation(string docType) => $"erpsync:create:{docType}";

    /// <summary>
    /// The key an insert holds from its decision until its pair is committed: the DocType and the identifying content
    /// (<see cref="IdentityProjection"/>) of what is sent. The copy it makes has that same identity, so a worker that
    /// picks up the new copy (its webhook can arrive before the commit) waits here until the pair is recorded, while
    /// inserts of other documents proceed in parallel.
    /// </summary>
    public static string Insert(string docType, string identityHash) => $"erpsync:insert:{docType}:{identityHash}";

    private static string Key(string docType, SiteName site, string name) =>
        $"erpsync:pair:{docType}:{site.ToWire()}:{name.Trim().ToLowerInvariant()}";
}
