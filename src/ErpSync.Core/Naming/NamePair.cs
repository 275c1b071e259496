namespace ErpSync.Core.Naming;

/// <summary>One known pair of names (a <c>sync_records</c> row with both names set).</summary>
/// <param name="DocType">DocType of both documents.</param>
/// <param name="CloudName">Name on the cloud site.</param>
/// <param name="LocalName">Name on the local site.</param>
internal sealed record NamePair(string DocType, string CloudName, string LocalName);
