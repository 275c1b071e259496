using System.CommandLine;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Commands;

/// <summary><c>erpsync demo [--keep]</c>: two emulated sites, sample data, a full sync, live edits and a conflict.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "Keep the sites and server running; print their URLs and a ready .env." };
        return new Command("demo", "Two emulated sites, sample data, a full sync, live edits on both sides, a conflict, the status screen.")
        {
            keep,
        }.NotAvailableYet("the emulator, sync engine and server");
    }
}
