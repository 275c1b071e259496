namespace ErpSync.Cli.Diagnostics;

/// <summary>The document <c>doctor --json</c> writes: <c>{"ok": bool, "checks": [...]}</c>.</summary>
/// <param name="Ok">Every check passed (warnings allowed; a skipped check makes it false).</param>
/// <param name="Checks">The checks in the order they ran.</param>
internal sealed record DoctorReport(bool Ok, IReadOnlyList<DoctorCheck> Checks);
