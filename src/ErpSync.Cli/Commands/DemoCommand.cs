using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ErpSync.Cli.Demo;
using ErpSync.Cli.Internal.Invocation;
using ErpSync.Cli.Internal.Output;

namespace ErpSync.Cli.Commands;

/// <summary>
/// <c>erpsync demo [--keep]</c>: two emulated sites and the server in process, sample data, a full sync, live edits
/// on both sides through webhooks, a conflict and the status screen; state lives in a temp folder removed at the
/// end. With <c>--keep</c> everything stays up, with the URLs and a ready <c>.env</c>/<c>config.yaml</c>, until Ctrl+C.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "Keep the sites and server running; print their URLs and a ready .env." };
        return new Command("demo", "Two emulated sites, sample data, a full sync, live edits on both sides, a conflict, the status screen.")
        {
            keep,
        }.WithBody((context, cancellationToken) => RunAsync(context, context.ParseResult.GetValue(keep), cancellationToken));
    }

    private static async Task<int> RunAsync(CommandContext context, bool keep, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var clock = Stopwatch.StartNew();
        var folder = Path.Combine(Path.GetTempPath(), $"erpsync-demo-{Guid.NewGuid():N}"[..21]);
        Directory.CreateDirectory(folder);
        try
        {
            output.Heading("ErpSync demo: two emulated Frappe sites kept in sync in both directions");
            await using (var session = await DemoSession.StartAsync(folder, context.Host, context.Verbose, cancellationToken))
            {
                var result = await new DemoScript(session, output).RunAsync(cancellationToken);
                output.Line();
                var full = result.FullSync;
                output.Check(Mark.Ok, string.Create(CultureInfo.InvariantCulture,
                    $"Demo complete in {clock.Elapsed.TotalSeconds:0.0} s: full sync Total {full.Total}, Success {full.Success}, Failed {full.Failed}, Conflicts {full.Conflicts}, Skipped {full.Skipped}; 3 live edits arrived by webhook; 1 conflict recorded (#{result.Conflict.Id})."));
                if (keep)
                {
                    await KeepAsync(output, session, result, cancellationToken);
                }
            }

            output.Line("Stopped the server and both sites; removed the demo's temp folder. Nothing is left running.");
            output.Line("Next: 'erpsync init' writes .env and config.yaml for your own sites (see README.md); 'erpsync demo --keep' leaves this demo up to explore.");
            return ExitCodes.Success;
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static async Task KeepAsync(CliOutput output, DemoSession session, DemoResult result, CancellationToken cancellationToken)
    {
        var files = session.Files;
        output.Line();
        output.Heading("Still running (--keep) until Ctrl+C:");
        output.Line($"  Cloud site:  {session.Cloud.BaseUrl}  (token {session.Cloud.ApiKey}:<CLOUD_API_SECRET>)");
        output.Line($"  Local site:  {session.Local.BaseUrl}  (token {session.Local.ApiKey}:<LOCAL_API_SECRET>)");
        output.Line($"  Server:      {session.ServerUrl}  (dashboard), {session.ServerUrl}status, {session.ServerUrl}health, {session.ServerUrl}metrics");
        output.Line($"  Files:       {files.EnvPath}, {files.ConfigPath}, {files.DatabasePath}");
        output.Line();
        output.Line($"# {files.EnvPath}");
        output.Out.Write(files.Env(session.Cloud, session.Local, session.ServerUrl.Port));
        output.Line($"# {files.ConfigPath}");
        output.Out.Write(files.Config());
        output.Line();
        output.Line("Try, from any folder (or copy both files into one and drop the options):");
        var options = $"--env-file {files.EnvPath} --config {files.ConfigPath}";
        output.Line($"  erpsync status {options}");
        output.Line($"  erpsync conflicts show {result.Conflict.Id} {options}");
        output.Line($"  erpsync conflicts resolve {result.Conflict.Id} --keep cloud {options}");
        output.Line($"  erpsync sync {options}");
        output.Line("Edits made through either site's API reach the other through the running server. Press Ctrl+C to stop.");
        await output.Out.FlushAsync(cancellationToken);

        // Program.cs turns SIGINT/SIGTERM into this token's cancellation: then everything is stopped and removed.
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        output.Line();
        output.Line("stopping...");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still closing; the OS temp cleaner takes it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
