namespace ErpSync.Emulator;

/// <summary>
/// Faults injected into the site's API, switchable at run time from any thread (also over HTTP at
/// <c>/api/emulator/faults</c>). They apply to <c>/api/resource</c> and <c>/api/method</c> requests; webhook
/// drops apply to outgoing deliveries. All off by default.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly Random _random;
    private TimeSpan _latency;
    private double _errorRate;
    private IReadOnlyList<int> _errorStatuses = [500];
    private bool _errorsAfterProcessing;
    private RateLimitFault? _rateLimit;
    private double _dropWebhooks;
    private bool _down;
    private long _injectedErrors;
    private long _rateLimited;
    private long _droppedWebhooks;
    private long _abortedRequests;

    /// <summary>Creates the switches; <paramref name="seed"/> makes the random choices repeatable.</summary>
    public EmulatorFaults(int? seed = null) => _random = seed is { } s ? new Random(s) : new Random();

    /// <summary>Delay added before every API request is handled.</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) return _latency; }
        set { ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero); lock (_gate) _latency = value; }
    }

    /// <summary>Share (0..1) of API requests answered with one of <see cref="ErrorStatuses"/>.</summary>
    public double ErrorRate
    {
        get { lock (_gate) return _errorRate; }
        set { CheckRate(value); lock (_gate) _errorRate = value; }
    }

    /// <summary>Statuses the injected errors use, picked at random (e.g. 500, 502, 503). Default 500.</summary>
    public IReadOnlyList<int> ErrorStatuses
    {
        get { lock (_gate) return _errorStatuses; }
        set
        {
            if (value is null || value.Count == 0 || value.Any(s => s is < 400 or > 599))
                throw new ArgumentException("ErrorStatuses must list HTTP statuses between 400 and 599.", nameof(value));
            lock (_gate) _errorStatuses = value.ToArray();
        }
    }

    /// <summary>
    /// When true an injected error replaces the response of a request that was processed (and committed),
    /// like a proxy failing after the backend answered; otherwise the request is refused before processing.
    /// </summary>
    public bool ErrorsAfterProcessing
    {
        get { lock (_gate) return _errorsAfterProcessing; }
        set { lock (_gate) _errorsAfterProcessing = value; }
    }

    /// <summary>429 answers with Retry-After; null for none.</summary>
    public RateLimitFault? RateLimit
    {
        get { lock (_gate) return _rateLimit; }
        set
        {
            if (value is not null)
            {
                CheckRate(value.Rate);
                ArgumentOutOfRangeException.ThrowIfLessThan(value.RetryAfter, TimeSpan.Zero);
            }

            lock (_gate) _rateLimit = value;
        }
    }

    /// <summary>Share (0..1) of webhook deliveries silently lost (no attempt, no request log).</summary>
    public double DropWebhooks
    {
        get { lock (_gate) return _dropWebhooks; }
        set { CheckRate(value); lock (_gate) _dropWebhooks = value; }
    }

    /// <summary>Site down: API connections are aborted without a response.</summary>
    public bool Down
    {
        get { lock (_gate) return _down; }
        set { lock (_gate) _down = value; }
    }

    public long InjectedErrors => Interlocked.Read(ref _injectedErrors);

    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public long DroppedWebhooks => Interlocked.Read(ref _droppedWebhooks);

    public long AbortedRequests => Interlocked.Read(ref _abortedRequests);

    /// <summary>Switches every fault off (counters keep counting).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _latency = TimeSpan.Zero;
            _errorRate = 0;
            _errorStatuses = [500];
            _errorsAfterProcessing = false;
            _rateLimit = null;
            _dropWebhooks = 0;
            _down = false;
        }
    }

    internal bool ShouldAbort()
    {
        if (!Down)
            return false;
        Interlocked.Increment(ref _abortedRequests);
        return true;
    }

    internal TimeSpan? RateLimitHit()
    {
        lock (_gate)
        {
            if (_rateLimit is null || !Hit(_rateLimit.Rate))
                return null;
        }

        Interlocked.Increment(ref _rateLimited);
        return RateLimit?.RetryAfter;
    }

    /// <summary>An injected status for this request, or null.</summary>
    internal int? ErrorHit()
    {
        int status;
        lock (_gate)
        {
            if (!Hit(_errorRate))
                return null;
            status = _errorStatuses[_random.Next(_errorStatuses.Count)];
        }

        Interlocked.Increment(ref _injectedErrors);
        return status;
    }

    internal bool DropWebhookHit()
    {
        lock (_gate)
        {
            if (!Hit(_dropWebhooks))
                return false;
        }

        Interlocked.Increment(ref _droppedWebhooks);
        return true;
    }

    // Caller holds _gate.
    private bool Hit(double rate) => rate >= 1 || (rate > 0 && _random.NextDouble() < rate);

    private static void CheckRate(double value)
    {
        if (double.IsNaN(value) || value is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(value), value, "Rates are between 0 and 1.");
    }
}
