namespace ErpSync.Cli.Diagnostics;

/// <summary>One doctor check (a JSON object of <c>doctor --json</c>).</summary>
/// <param name="Name">Stable identifier, e.g. <c>configuration</c>, <c>database</c>, <c>cloud_site</c>.</param>
/// <param name="Title">Human label.</param>
/// <param name="Status">Verdict.</param>
/// <param name="Message">What was found (never a secret).</param>
/// <param name="Fix">What to do, for <c>fail</c> and <c>warn</c>.</param>
internal sealed record DoctorCheck(string Name, string Title, CheckStatus Status, string Message, string? Fix = null);
