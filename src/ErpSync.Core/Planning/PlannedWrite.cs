namespace ErpSync.Core.Planning;

/// <summary>One write a plan asks the engine to make on <see cref="Target"/>, in plan order.</summary>
/// <param name="Target">The site to write.</param>
internal abstract record PlannedWrite(Sites.SiteName Target);
