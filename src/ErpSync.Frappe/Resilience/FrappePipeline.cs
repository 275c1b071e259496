using ErpSync.Core.Sites;
using ErpSync.Frappe.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace ErpSync.Frappe.Resilience;

/// <summary>
/// Retry (outer) around a circuit breaker (inner) for one site. Only <see cref="AttemptException"/>s marked
/// retryable are retried, with exponential backoff and jitter from <c>retry</c>, or the site's Retry-After;
/// only failures that say the site is down count towards opening the circuit.
/// </summary>
internal sealed class FrappePipeline
{
    private readonly CircuitBreakerStateProvider _circuit = new();

    public FrappePipeline(FrappeSiteOptions options, TimeProvider timeProvider, FrappeMetrics metrics, ILogger logger)
    {
        var site = options.Site.ToWire();
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "erpsync-frappe-" + site };
        if (options.Retry.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.Retry.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.Retry.BackoffSeconds),
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is AttemptException { Retryable: true }),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is AttemptException { RetryAfter: { } retryAfter } ? retryAfter : (TimeSpan?)null),
                OnRetry = args =>
                {
                    metrics.Retry();
                    if (args.Outcome.Exception is AttemptException failure)
                    {
                        var request = args.Context.Properties.GetValue(RequestKey, null!);
                        FrappeLog.Retrying(logger, site, request?.Method ?? "?", request?.Operation ?? "?", request?.DocType, request?.DocName,
                            failure.Kind, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, failure.Failure.Message);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.Circuit.FailureRatio,
            MinimumThroughput = options.Circuit.MinimumThroughput,
            SamplingDuration = options.Circuit.SamplingDuration,
            BreakDuration = options.Circuit.BreakDuration,
            StateProvider = _circuit,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is AttemptException { SiteDown: true }),
            OnOpened = args =>
            {
                FrappeLog.CircuitOpened(logger, site, args.BreakDuration.TotalSeconds, args.Outcome.Exception?.Message ?? "failures");
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                FrappeLog.CircuitHalfOpened(logger, site);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                FrappeLog.CircuitClosed(logger, site);
                return ValueTask.CompletedTask;
            },
        });
        Pipeline = builder.Build();
    }

    /// <summary>Context property naming the request being tried (for logs).</summary>
    public static ResiliencePropertyKey<Errors.RequestContext> RequestKey { get; } = new("erpsync.frappe.request");

    public ResiliencePipeline Pipeline { get; }

    public SiteCircuitState State => _circuit.CircuitState switch
    {
        CircuitState.Open or CircuitState.Isolated => SiteCircuitState.Open,
        CircuitState.HalfOpen => SiteCircuitState.HalfOpen,
        _ => SiteCircuitState.Closed,
    };
}
