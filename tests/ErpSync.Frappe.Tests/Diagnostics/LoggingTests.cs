using System.Collections.Concurrent;
using System.Net.Sockets;
using ErpSync.Frappe.Tests.Transcripts;
using Microsoft.Extensions.Logging;

namespace ErpSync.Frappe.Tests.Diagnostics;

public sealed class LoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logs_RetriesAndFailures_NeverContainTheSecret()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused));
        var handler = new ScriptedHandler().ThenThrow(refused).Then(401, """{"exception":"frappe.exceptions.AuthenticationError"}""");
        using var client = FrappeSiteClient.Create(TestSites.Options(), handler, null, factory);

        await Should.ThrowAsync<ErpSync.Core.Sites.FrappeAuthenticationException>(() => client.GetAsync("Sync Customer", "Acme Corp", Ct));

        logs.Lines.ShouldContain(l => l.Contains("Sync Customer", StringComparison.Ordinal) && l.Contains("refused", StringComparison.Ordinal));
        logs.Lines.ShouldNotBeEmpty();
        logs.Lines.ShouldAllBe(l => !l.Contains(TestSites.Secret) && !l.Contains("Authorization") && !l.Contains("token "));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue(formatter(state, exception) + " " + exception?.Message);
        }
    }
}
