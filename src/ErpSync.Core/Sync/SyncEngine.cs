using ErpSync.Core.Configuration;
using ErpSync.Core.Engine;
using ErpSync.Core.Sites;
using ErpSync.Core.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ErpSync.Core.Sync;

/// <summary>
/// The sync engine: brings document pairs of the configured DocTypes to agreement, or records exactly why not.
/// On first use it reads both sites' time zones and DocType metadata and refuses a configuration that does not
/// fit them (<see cref="InvalidOperationException"/> naming every problem). Each pair is synced under its
/// <see cref="IDocumentLocks"/> key: read both sides, plan (three-way decision, merge, conflict strategy,
/// lifecycle, direction rules), write compare-and-swap, and commit hashes and timestamps taken from what the sites
/// returned. Expected outcomes — applied, skipped, conflict, waiting, failed — are values; only bugs and store
/// failures throw. Thread-safe; one instance serves a pair of sites.
/// </summary>
public sealed class SyncEngine : ISyncEngine
{
    /// <summary>The name of the meter the engine reports on: <c>ErpSync.Core</c>.</summary>
    public const string MeterName = SyncMetrics.MeterName;

    private readonly SetupLoader _setup;
    private readonly PairSynchronizer _pairs;
    private readonly DocTypeReconciler _docTypes;
    private readonly ManualResolution _resolution;
    private readonly SyncMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates an engine over two sites and a state store.</summary>
    /// <param name="cloud">The cloud site (its <see cref="IFrappeSite.Site"/> must be <see cref="SiteName.Cloud"/>).</param>
    /// <param name="local">The local site.</param>
    /// <param name="store">Pairs, audit log and conflicts.</param>
    /// <param name="locks">Per-pair mutual exclusion (across processes on PostgreSQL).</param>
    /// <param name="rules">The validated <c>sync_rules</c>.</param>
    /// <param name="time">Clock for the store's timestamps.</param>
    /// <param name="loggers">Where to log; nothing is logged when <c>null</c>.</param>
    /// <param name="options">Tuning; <see cref="SyncEngineOptions.Default"/> when <c>null</c>.</param>
    public SyncEngine(IFrappeSite cloud, IFrappeSite local, ISyncStore store, IDocumentLocks locks, SyncRules rules, TimeProvider time, ILoggerFactory? loggers = null, SyncEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(locks);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(time);
        options ??= SyncEngineOptions.Default;
        options.Validate();
        _time = time;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("ErpSync.Core.Sync");
        _metrics = new SyncMetrics(options.MeterFactory);

        var sites = new SitePair(cloud, local);
        var nameMaps = new NameMapLoader(store);
        var reader = new PairReader(cloud, local, nameMaps);
        var dependencies = new DependencyCheck(store, new LinkChecker(sites, store));
        var adoption = new AdoptionFinder(sites, store, nameMaps, options);
        var inserts = new InsertProtocol(sites, store, locks, adoption, dependencies, time, _logger);
        var executor = new WriteExecutor(sites, inserts, dependencies);
        var commits = new PairCommitter(store, locks);
        var plans = new PlanHandler(commits, dependencies, executor, rules, _metrics, time);
        _setup = new SetupLoader(cloud, local, rules, _logger);
        _pairs = new PairSynchronizer(store, locks, reader, plans, options, _metrics, _logger);
        _docTypes = new DocTypeReconciler(sites, store, _pairs, new BulkAdoption(sites, locks, store, nameMaps, options, time, _logger), options, _metrics, time, _logger);
        _resolution = new ManualResolution(store, locks, reader, dependencies, executor, _pairs, options, _metrics, time, _logger);
    }

    /// <inheritdoc />
    public async Task<SyncOutcome> SyncDocumentAsync(string docType, SiteName source, string name, SyncRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(docType);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        var (setup, failure) = await SetupAsync(docType, cancellationToken);
        if (setup is null)
            return failure!;
        if (!setup.DocTypes.TryGetValue(docType, out var context))
            return Outcomes.Skipped(docType, source == SiteName.Cloud ? name : null, source == SiteName.Local ? name : null, $"{docType} is not in sync_rules.doctypes");
        return await _pairs.SyncAsync(setup, context, source, name.Trim(), PairCall.Top(new RunContext(options)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SyncSummary> SyncDocTypeAsync(string docType, SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(docType);
        ArgumentNullException.ThrowIfNull(options);
        var started = _time.GetTimestamp();
        var (setup, failure) = await SetupAsync(docType, cancellationToken);
        if (setup is null)
            return Outcomes.Summarize([failure!], 0, _time.GetElapsedTime(started));
        if (!setup.DocTypes.TryGetValue(docType, out var context))
            throw new ArgumentException($"{docType} is not in sync_rules.doctypes; add it there to sync it.", nameof(docType));
        return await _docTypes.RunAsync(setup, context, options, progress, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SyncSummary> SyncAllAsync(SyncRunOptions options, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = _time.GetTimestamp();
        var (setup, failure) = await SetupAsync("", cancellationToken);
        if (setup is null)
            return Outcomes.Summarize([failure!], 0, _time.GetElapsedTime(started));

        var summaries = new List<SyncSummary>();
        foreach (var docType in setup.Order.DocTypes)
            summaries.Add(await _docTypes.RunAsync(setup, setup.DocTypes[docType], options, progress, cancellationToken));
        return new SyncSummary
        {
            Total = summaries.Sum(s => s.Total),
            Success = summaries.Sum(s => s.Success),
            Failed = summaries.Sum(s => s.Failed),
            Conflicts = summaries.Sum(s => s.Conflicts),
            Skipped = summaries.Sum(s => s.Skipped),
            Outcomes = summaries.SelectMany(s => s.Outcomes).ToList(),
            Elapsed = _time.GetElapsedTime(started),
        };
    }

    /// <inheritdoc />
    public async Task<SyncOutcome> ResolveConflictAsync(long conflictId, ConflictChoice choice, CancellationToken cancellationToken)
    {
        var (setup, failure) = await SetupAsync("", cancellationToken);
        return setup is null ? failure! with { Action = "resolve" } : await _resolution.ResolveAsync(setup, conflictId, choice, cancellationToken);
    }

    /// <summary>
    /// How each configured DocType's metadata differs between the sites (for <c>doctor</c>). Only shared fields are
    /// synced, so drift never blocks a pair; it is worth fixing so that every field reaches both sites.
    /// </summary>
    /// <exception cref="FrappeException">A site could not be read.</exception>
    public async Task<IReadOnlyList<SchemaDrift>> InspectSchemaAsync(CancellationToken cancellationToken)
    {
        var setup = await _setup.GetAsync(cancellationToken);
        return setup.Order.DocTypes.Select(d => setup.DocTypes[d].Drift).ToList();
    }

    private async Task<(EngineSetup? Setup, SyncOutcome? Failure)> SetupAsync(string docType, CancellationToken cancellationToken)
    {
        try
        {
            return (await _setup.GetAsync(cancellationToken), null);
        }
        catch (FrappeException ex)
        {
            var failure = Outcomes.Failed(docType, null, null, "setup", $"the sites' metadata could not be read: {ex.Message}", ex.IsTransient);
            _metrics.Outcome(failure);
            return (null, failure);
        }
    }
}
