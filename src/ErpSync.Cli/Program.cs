using System.Runtime.InteropServices;
using ErpSync.Cli;

// Ctrl+C and SIGTERM (systemd stop, docker stop) cancel the token every command receives, so work in
// flight stops at a safe point instead of the process dying mid-write.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await CliApp.RunAsync(args, CliHost.FromProcess(), cancellation.Token);
