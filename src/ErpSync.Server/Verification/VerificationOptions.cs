namespace ErpSync.Server.Verification;

/// <summary>
/// The scheduled full reconciliation (<c>server.reconcile_schedule</c>): besides the sweep, the server compares
/// both sites completely on this schedule, so no cron line is needed.
/// </summary>
public sealed record VerificationOptions
{
    /// <summary>
    /// When the next run is due: given the previous run's end (or the server's start) and the server's time zone,
    /// the instant of the next run, or <c>null</c> for none. <c>null</c> turns scheduled verification off.
    /// Default: every day at 02:00 in the server's time zone.
    /// </summary>
    public Func<DateTimeOffset, TimeZoneInfo, DateTimeOffset?>? NextRun { get; init; } = DailyAt(new TimeOnly(2, 0));

    /// <summary>The schedule as the operator wrote it, for logs and <c>/status</c>. Default <c>daily 02:00</c>.</summary>
    public string Description { get; init; } = "daily 02:00";

    /// <summary>A schedule due every day at <paramref name="at"/> wall-clock time (a time skipped by a DST change runs an hour later).</summary>
    public static Func<DateTimeOffset, TimeZoneInfo, DateTimeOffset?> DailyAt(TimeOnly at) => (after, zone) =>
    {
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var candidate = local.Date + at.ToTimeSpan();
        if (candidate <= local.DateTime)
            candidate = candidate.AddDays(1);
        if (zone.IsInvalidTime(candidate))
            candidate = candidate.AddHours(1);
        return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
    };

    internal IEnumerable<string> Problems()
    {
        if (NextRun is not null && string.IsNullOrWhiteSpace(Description))
            yield return "the reconcile schedule needs a description for logs";
    }
}
