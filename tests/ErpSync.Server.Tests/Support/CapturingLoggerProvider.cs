using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ErpSync.Server.Tests.Support;

/// <summary>Keeps every log line (message, structured state and scope properties) so tests can read what the server logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Logs => _logs.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope((scope, props) => Add(props, scope), properties);
            Add(properties, state);
            owner._logs.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception), exception, properties));
        }

        private static void Add(Dictionary<string, object?> properties, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                    properties[key] = value;
            }
            else if (state is IEnumerable<KeyValuePair<string, object>> objects)
            {
                foreach (var (key, value) in objects)
                    properties[key] = value;
            }
        }
    }
}
