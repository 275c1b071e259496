using System.CommandLine;
using ErpSync.Cli.Configuration;
using ErpSync.Cli.Internal.Invocation;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync retry (--doctype D | --all)</c>: re-queues failed and dead-lettered items. One of the two is
/// required, so a bare <c>retry</c> never re-queues everything by accident.
/// </summary>
internal static class RetryCommand
{
    public static Command Create()
    {
        var docType = CommonOptions.DocType("Re-queue the failed and dead-lettered items of this DocType.");
        var all = new Option<bool>("--all") { Description = "Re-queue the failed and dead-lettered items of every DocType." };
        var command = new Command("retry", "Re-queue failed and dead-lettered items.") { docType, all };
        command.Validators.Add(result =>
        {
            var hasDocType = result.GetValue(docType) is not null;
            var hasAll = result.GetValue(all);
            if (hasDocType && hasAll) result.AddError("Use either --doctype D or --all, not both.");
            else if (!hasDocType && !hasAll) result.AddError("Say what to retry: --doctype D for one DocType, or --all for everything.");
        });
        return command.NotAvailableYet("the state store (ErpSync.Store)", ConfigRequirements.None);
    }
}
