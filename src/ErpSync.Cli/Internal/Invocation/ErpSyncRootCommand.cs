using System.CommandLine;

namespace ErpSync.Cli.Internal.Invocation;

/// <summary>The <c>erpsync</c> root: carries the host of this run so command actions can reach it from the parse result.</summary>
internal sealed class ErpSyncRootCommand : RootCommand
{
    public ErpSyncRootCommand(CliHost host)
        : base("ErpSync keeps a cloud and a local Frappe/ERPNext site in sync in both directions.")
    {
        Host = host;
        foreach (var option in Globals.All) Options.Add(option);
    }

    public CliHost Host { get; }

    public GlobalOptions Globals { get; } = new();
}
