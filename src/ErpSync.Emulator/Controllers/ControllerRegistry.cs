namespace ErpSync.Emulator.Controllers;

/// <summary>Controllers by DocType name.</summary>
internal sealed class ControllerRegistry
{
    private readonly Dictionary<string, DocController> _controllers = new(StringComparer.Ordinal);

    public void Add(string doctype, DocController controller) => _controllers[doctype] = controller;

    public DocController For(string doctype) => _controllers.GetValueOrDefault(doctype) ?? DocController.None;
}
