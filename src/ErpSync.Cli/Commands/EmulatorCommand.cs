using System.CommandLine;
using System.Runtime.InteropServices;
using ErpSync.Emulator;

namespace ErpSync.Cli.Commands;

/// <summary><c>erpsync emulator</c>: serves one emulated Frappe site on 127.0.0.1 until SIGINT/SIGTERM.</summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var defaults = new EmulatorOptions();
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one).", Required = true };
        var apiKey = new Option<string>("--api-key") { Description = "API key of the site's API user.", DefaultValueFactory = _ => defaults.ApiKey };
        var apiSecret = new Option<string>("--api-secret") { Description = "API secret of the site's API user.", DefaultValueFactory = _ => defaults.ApiSecret };
        var webhookSecret = new Option<string?>("--webhook-secret")
        {
            Description = "Secret for Webhook documents saved with security enabled but no secret of their own.",
        };
        var timeZone = new Option<string>("--time-zone") { Description = "IANA time zone of the site (System Settings).", DefaultValueFactory = _ => defaults.TimeZone };
        var command = new Command("emulator", "Run one emulated Frappe site on 127.0.0.1.");
        command.Options.Add(port);
        command.Options.Add(apiKey);
        command.Options.Add(apiSecret);
        command.Options.Add(webhookSecret);
        command.Options.Add(timeZone);
        command.SetAction(async (parseResult, ct) =>
        {
            var options = new EmulatorOptions
            {
                Port = parseResult.GetValue(port),
                ApiKey = parseResult.GetValue(apiKey) ?? defaults.ApiKey,
                ApiSecret = parseResult.GetValue(apiSecret) ?? defaults.ApiSecret,
                WebhookSecret = parseResult.GetValue(webhookSecret),
                TimeZone = parseResult.GetValue(timeZone) ?? defaults.TimeZone,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"erpsync emulator: {e.Message}");
                return 2;
            }

            EmulatedSite site;
            try
            {
                site = await EmulatedSite.StartAsync(options, ct);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"erpsync emulator: cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
                return 1;
            }

            // Stop on SIGINT/SIGTERM ourselves: the synchronous root invocation does not cancel ct for us.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            await using (site)
            {
                Console.Out.WriteLine($"listening on http://127.0.0.1:{site.BaseUrl.Port}");
                Console.Out.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // SIGINT/SIGTERM: stop serving and exit 0.
                }
            }

            return 0;

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        });
        return command;
    }
}
