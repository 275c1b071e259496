namespace ErpSync.Emulator.Templates;

/// <summary>A template or condition that does not parse or evaluate.</summary>
internal sealed class TemplateException(string message) : Exception(message);
