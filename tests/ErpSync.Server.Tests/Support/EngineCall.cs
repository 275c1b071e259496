using ErpSync.Core.Sites;

namespace ErpSync.Server.Tests.Support;

/// <summary>One call the workers made to the engine.</summary>
internal sealed record EngineCall(string DocType, SiteName Source, string Name, int Number);
