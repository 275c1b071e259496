using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Commands;

/// <summary><c>erpsync test</c>: connects to both sites and reports user, Frappe version, time zone and round trip.</summary>
internal static class TestCommand
{
    public static Command Create() =>
        new Command("test", "Connect to both sites; print user, Frappe version, time zone and round-trip time.")
            .NotAvailableYet("the Frappe REST client (ErpSync.Frappe)", ConfigRequirements.Sites);
}
