using System.CommandLine;
using ErpSync.Cli.Diagnostics;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync doctor [--json]</c>: diagnostics with ✓/✗ and a fix for each ✗. The checks that need no site
/// (configuration, secrets, database and log locations) run now; the site checks arrive with the REST client.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        return new Command("doctor", "Diagnose configuration, environment, database, both sites, clocks, schemas and webhooks.")
        {
            json,
        }.WithBody((context, cancellationToken) => RunAsync(context, context.ParseResult.GetValue(json), cancellationToken));
    }

    private static Task<int> RunAsync(CommandContext context, bool json, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var checks = DoctorChecks.RunLocal(context);
        var report = new DoctorReport(checks.All(c => c.Status is CheckStatus.Ok or CheckStatus.Warn), checks);
        if (json)
        {
            context.Output.Json(report);
        }
        else
        {
            foreach (var check in checks)
            {
                var mark = check.Status switch
                {
                    CheckStatus.Ok => Mark.Ok,
                    CheckStatus.Fail => Mark.Fail,
                    CheckStatus.Warn => Mark.Warn,
                    _ => Mark.Skip,
                };
                context.Output.Check(mark, $"{check.Title}: {check.Message}", check.Fix is null ? null : $"fix: {check.Fix}");
            }
        }

        if (checks.Any(c => c.Status == CheckStatus.Fail))
        {
            throw new CliException($"{checks.Count(c => c.Status == CheckStatus.Fail)} check(s) failed; see the fixes above");
        }

        throw CliException.NotAvailableYet("doctor", "the Frappe REST client and state store for its site, clock, schema and webhook checks");
    }
}
