using System.Net.Http.Headers;
using System.Text;
using ErpSync.Cli.Internal.Output;
using ErpSync.Cli.Tests.Support;

namespace ErpSync.Cli.Tests.Commands;

public sealed class EmulatorCommandTests
{
    [Fact]
    public async Task Emulator_FreePort_ServesFrappeUntilCancelledThenExitsZero()
    {
        using var folder = new TempFolder();
        var output = new LineSignalWriter("listening on ");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var host = new CliHost
        {
            Console = new CliConsole(output, new StringWriter(), false, false, 120),
            CurrentDirectory = folder.Path,
            Environment = new Dictionary<string, string>(),
        };

        var run = CliApp.RunAsync(["emulator", "--port", "0", "--api-key", "k", "--api-secret", "s"], host, stop.Token);
        var line = await output.Matched.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        line.ShouldMatch(@"^listening on http://127\.0\.0\.1:\d+$");
        using var http = new HttpClient { BaseAddress = new Uri(line["listening on ".Length..]) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/method/frappe.auth.get_logged_user");
        request.Headers.Authorization = new AuthenticationHeaderValue("token", "k:s");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue();

        await stop.CancelAsync();
        (await run).ShouldBe(0);
    }

    [Fact]
    public async Task Emulator_UnknownTimeZone_IsAUsageError()
    {
        using var folder = new TempFolder();

        var result = await ErpSyncCli.RunAsync(folder.Path, "emulator", "--port", "0", "--time-zone", "Mars/Olympus");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldStartWith("error: ");
    }

    /// <summary>Completes <see cref="Matched"/> with the first whole line that starts with the prefix.</summary>
    private sealed class LineSignalWriter(string prefix) : StringWriter
    {
        private readonly StringBuilder _line = new();
        private readonly TaskCompletionSource<string> _matched = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Matched => _matched.Task;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value == '\n')
                {
                    var line = _line.ToString().TrimEnd('\r');
                    _line.Clear();
                    if (line.StartsWith(prefix, StringComparison.Ordinal))
                        _matched.TrySetResult(line);
                }
                else
                {
                    _line.Append(value);
                }
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
                Write(c);
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }
    }
}
