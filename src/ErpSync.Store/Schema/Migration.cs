namespace ErpSync.Store.Schema;

/// <summary>One schema step: applied once, in its own transaction with the version row that records it.</summary>
/// <param name="Version">Strictly increasing from 1.</param>
/// <param name="Description">What it does, stored in <c>schema_version</c>.</param>
/// <param name="Sql">Statements to run (several per text are fine on both engines).</param>
internal sealed record Migration(int Version, string Description, string Sql);
