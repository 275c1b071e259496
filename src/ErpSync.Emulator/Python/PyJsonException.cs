namespace ErpSync.Emulator.Python;

/// <summary>Python's <c>json.decoder.JSONDecodeError</c>, with its message text.</summary>
internal sealed class PyJsonException(string message) : Exception(message);
