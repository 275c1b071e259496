using System.CommandLine;

// Placeholder composition root: the commands are wired in by the CLI issue.
var root = new RootCommand("ErpSync keeps a cloud and a local Frappe/ERPNext site in sync in both directions.");
foreach (var (name, description) in new[]
{
    ("init", "Write commented config.yaml and .env templates and create the state database."),
    ("test", "Connect to both sites and report user, Frappe version, time zone and round trip."),
    ("sync", "Reconcile the configured doctypes in both directions."),
    ("serve", "Run the server: webhook intake, queue workers, sweep, status and dashboard."),
    ("status", "Show sync counts, queue depth, lag and recent operations."),
    ("conflicts", "List, show and resolve conflicts."),
    ("retry", "Re-queue failed and dead-lettered items."),
    ("setup-webhook", "Print or apply the Webhook settings for both sites."),
    ("doctor", "Diagnose configuration, database, sites, clocks and webhooks."),
    ("demo", "Two emulated sites, sample data, a full sync, live edits and a conflict."),
})
{
    var command = new Command(name, description);
    command.SetAction(_ =>
    {
        Console.Error.WriteLine($"erpsync {name}: not ready yet.");
        return 1;
    });
    root.Subcommands.Add(command);
}

root.Subcommands.Add(ErpSync.Cli.Commands.EmulatorCommand.Create());
return root.Parse(args).Invoke();
