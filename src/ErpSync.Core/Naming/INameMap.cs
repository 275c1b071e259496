using ErpSync.Core.Sites;

namespace ErpSync.Core.Naming;

/// <summary>
/// Pure lookup of a document's name on the other site. Implementations hold no I/O: the engine loads the
/// pairs it needs from the store first (see <see cref="NameMap"/>).
/// </summary>
internal interface INameMap
{
    /// <summary>
    /// The name on <c>from.Other()</c> of the <paramref name="docType"/> document called <paramref name="name"/>
    /// on <paramref name="from"/>, or <c>null</c> when the pair is not (yet) known.
    /// </summary>
    string? Translate(string docType, string name, SiteName from);
}
