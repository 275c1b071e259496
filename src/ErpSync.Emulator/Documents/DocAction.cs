namespace ErpSync.Emulator.Documents;

/// <summary>What a save does, from the stored and the new docstatus (Frappe's <c>_action</c>).</summary>
internal enum DocAction
{
    Save,
    Submit,
    UpdateAfterSubmit,
    Cancel,
}
