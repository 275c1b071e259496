using System.Globalization;

namespace ErpSync.Cli.Configuration;

/// <summary>
/// <c>server.reconcile_schedule</c>: when the server runs a full reconciliation, in the server's local time.
/// Accepted forms: <c>off</c>; <c>hourly</c>; <c>daily HH:MM</c>; <c>weekly DAY HH:MM</c> (DAY = mon…sun);
/// <c>every N minutes|hours</c> (also <c>every 30m</c>, <c>every 6h</c>); or a five-field cron expression
/// (<c>0 2 * * *</c>). Default <c>daily 02:00</c>.
/// </summary>
internal sealed class ReconcileSchedule
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly CronSchedule? cron;

    private ReconcileSchedule(string text, CronSchedule? cron, TimeSpan? interval)
    {
        Text = text;
        this.cron = cron;
        Interval = interval;
    }

    /// <summary>The schedule as written.</summary>
    public string Text { get; }

    /// <summary>Whether the server reconciles on a schedule at all.</summary>
    public bool Enabled => cron is not null || Interval is not null;

    /// <summary>For <c>every …</c> schedules: the interval, counted from the previous run (or the server's start).</summary>
    public TimeSpan? Interval { get; }

    /// <summary>Parses a schedule or throws <see cref="FormatException"/> with what is wrong.</summary>
    public static ReconcileSchedule Parse(string text) =>
        TryParse(text, out var schedule, out var error) ? schedule! : throw new FormatException(error);

    public static bool TryParse(string text, out ReconcileSchedule? schedule, out string? error)
    {
        schedule = null;
        error = null;
        var normalized = string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var words = normalized.Split(' ');
        switch (words)
        {
            case ["off" or "never" or "disabled"]:
                schedule = new ReconcileSchedule(text, null, null);
                return true;
            case ["hourly"]:
                return FromCron(text, "0 * * * *", out schedule, out error);
            case ["daily", var time]:
                if (!TryTime(time, out var h, out var m, out error)) return false;
                return FromCron(text, $"{m} {h} * * *", out schedule, out error);
            case ["weekly", var day, var time]:
                var dow = Array.IndexOf(DayNames, day.Length >= 3 ? day[..3] : day);
                if (dow < 0)
                {
                    error = $"'{day}' is not a day of the week (use mon, tue, wed, thu, fri, sat or sun)";
                    return false;
                }

                if (!TryTime(time, out h, out m, out error)) return false;
                return FromCron(text, $"{m} {h} * * {dow}", out schedule, out error);
            case ["every", ..]:
                return TryInterval(text, words[1..], out schedule, out error);
        }

        if (words.Length == 5 && CronSchedule.TryParse(normalized, out var cron, out error))
        {
            schedule = new ReconcileSchedule(text, cron, null);
            return true;
        }

        error ??= "not a schedule";
        error = $"{error}. Use 'off', 'hourly', 'daily HH:MM', 'weekly DAY HH:MM', 'every N minutes|hours' or a cron expression like '0 2 * * *'";
        return false;
    }

    /// <summary>
    /// When the next run is due: for cron forms the first due minute after <paramref name="after"/> in
    /// <paramref name="zone"/>; for intervals <paramref name="after"/> + interval; <c>null</c> when off.
    /// </summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        if (Interval is { } interval) return after + interval;
        return cron?.Next(after, zone);
    }

    public override string ToString() => Text;

    private static bool FromCron(string text, string expression, out ReconcileSchedule? schedule, out string? error)
    {
        schedule = null;
        if (!CronSchedule.TryParse(expression, out var cron, out error)) return false;
        schedule = new ReconcileSchedule(text, cron, null);
        return true;
    }

    private static bool TryTime(string text, out int hour, out int minute, out string? error)
    {
        hour = minute = 0;
        error = null;
        if (text.Split(':') is [var h, var m]
            && int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out hour)
            && int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out minute)
            && hour is >= 0 and <= 23 && minute is >= 0 and <= 59 && m.Length == 2)
        {
            return true;
        }

        error = $"'{text}' is not a time of day (use 24-hour HH:MM, e.g. 02:00)";
        return false;
    }

    private static bool TryInterval(string text, string[] rest, out ReconcileSchedule? schedule, out string? error)
    {
        schedule = null;
        error = null;
        string number, unit;
        switch (rest)
        {
            case [var n, var u]:
                (number, unit) = (n, u);
                break;
            case [var compact] when compact.Length > 1:
                (number, unit) = (compact[..^1], compact[^1..]);
                break;
            default:
                error = "'every' needs an amount and a unit, e.g. 'every 6 hours'";
                return false;
        }

        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1)
        {
            error = $"'{number}' is not a whole number of at least 1";
            return false;
        }

        TimeSpan? interval = unit switch
        {
            "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(amount),
            "h" or "hour" or "hours" => TimeSpan.FromHours(amount),
            _ => null,
        };
        if (interval is null)
        {
            error = $"'{unit}' is not a unit (use minutes or hours)";
            return false;
        }

        if (interval < TimeSpan.FromMinutes(5))
        {
            error = "a full reconciliation more often than every 5 minutes would load both sites for little gain; the sweep already catches changes";
            return false;
        }

        schedule = new ReconcileSchedule(text, null, interval);
        return true;
    }
}
