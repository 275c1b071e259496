using ErpSync.Core.Sites;
using ErpSync.Core.State;

namespace ErpSync.Core.Engine;

/// <summary>An existing, unpaired document found to be the copy of the one about to be inserted: pair them instead.</summary>
/// <param name="Record">The pair's record to save (both names, the baseline to plan from).</param>
/// <param name="Replaces">A one-sided record of the source document made obsolete by <paramref name="Record"/>, if another one is kept.</param>
/// <param name="Target">The site of the adopted document.</param>
/// <param name="TargetName">Its name.</param>
/// <param name="How">Why it is the copy, for the audit log.</param>
internal sealed record Adoption(SyncRecord Record, SyncRecord? Replaces, SiteName Target, string TargetName, string How);
