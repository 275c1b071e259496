using System.Globalization;

namespace ErpSync.Cli.Configuration;

/// <summary>
/// A five-field cron expression (<c>minute hour day-of-month month day-of-week</c>) with <c>*</c>, lists
/// (<c>1,15</c>), ranges (<c>1-5</c>) and steps (<c>*/10</c>, <c>0-30/5</c>); day-of-week 0–7 with 0 and 7 = Sunday.
/// As in cron, when both day fields are restricted a day matching either one is due.
/// </summary>
internal sealed class CronSchedule
{
    private readonly bool[] minutes;
    private readonly bool[] hours;
    private readonly bool[] daysOfMonth;
    private readonly bool[] months;
    private readonly bool[] daysOfWeek;
    private readonly bool domRestricted;
    private readonly bool dowRestricted;

    private CronSchedule(bool[] minutes, bool[] hours, bool[] daysOfMonth, bool[] months, bool[] daysOfWeek, bool domRestricted, bool dowRestricted)
    {
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.domRestricted = domRestricted;
        this.dowRestricted = dowRestricted;
    }

    /// <summary>Parses an expression; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string text, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 5)
        {
            error = $"a cron expression has 5 fields (minute hour day month weekday), found {parts.Length}";
            return false;
        }

        if (!TryField(parts[0], 0, 59, "minute", out var min, out error)
            || !TryField(parts[1], 0, 23, "hour", out var hour, out error)
            || !TryField(parts[2], 1, 31, "day of month", out var dom, out error)
            || !TryField(parts[3], 1, 12, "month", out var month, out error)
            || !TryField(parts[4], 0, 7, "day of week", out var dow, out error))
        {
            return false;
        }

        if (dow[7]) dow[0] = true;
        schedule = new CronSchedule(min, hour, dom, month, dow, parts[2] != "*", parts[4] != "*");
        return true;
    }

    /// <summary>The first due minute strictly after <paramref name="after"/>, in <paramref name="zone"/>'s wall-clock time.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var t = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!months[t.Month])
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
                continue;
            }

            if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
                continue;
            }

            if (!hours[t.Hour])
            {
                t = t.Date.AddHours(t.Hour + 1);
                continue;
            }

            if (!minutes[t.Minute] || zone.IsInvalidTime(t))
            {
                t = t.AddMinutes(1);
                continue;
            }

            return new DateTimeOffset(t, zone.GetUtcOffset(t));
        }

        return null;
    }

    private bool DayMatches(DateTime t)
    {
        var dom = daysOfMonth[t.Day];
        var dow = daysOfWeek[(int)t.DayOfWeek];
        if (domRestricted && dowRestricted) return dom || dow;
        return dom && dow;
    }

    private static bool TryField(string text, int min, int max, string name, out bool[] set, out string? error)
    {
        set = new bool[max + 1];
        foreach (var item in text.Split(','))
        {
            var step = 1;
            var range = item;
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                {
                    error = $"the {name} field has a bad step in '{item}'";
                    return false;
                }

                range = item[..slash];
            }

            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else if (range.Split('-') is [var a, var b])
            {
                if (!TryNumber(a, out from) || !TryNumber(b, out to) || from > to)
                {
                    error = $"the {name} field has a bad range '{range}'";
                    return false;
                }
            }
            else if (TryNumber(range, out from))
            {
                to = slash >= 0 ? max : from;
            }
            else
            {
                error = $"the {name} field has '{item}', which is not a number, range, list or step";
                return false;
            }

            if (from < min || to > max)
            {
                error = $"the {name} field allows {min}-{max}, found '{item}'";
                return false;
            }

            for (var v = from; v <= to; v += step) set[v] = true;
        }

        error = null;
        return true;
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
