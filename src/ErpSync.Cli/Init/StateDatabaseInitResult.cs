namespace ErpSync.Cli.Init;

/// <summary>The outcome of creating the state database, with a line for the user (never a password).</summary>
internal sealed record StateDatabaseInitResult(StateDatabaseInitOutcome Outcome, string Message);
