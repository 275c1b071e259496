using ErpSync.Emulator.Model;

namespace ErpSync.Emulator.Documents;

/// <summary>A controller event raised during a request (<c>after_insert</c>, <c>on_update</c>…), with whether the doc was being inserted.</summary>
internal sealed record DocEvent(Doc Doc, string Method, bool InInsert);
