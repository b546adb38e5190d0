namespace FeedWatch.Core.Alerts.Routing;

/// <summary>
/// A daily window, in a named time zone, in which no message is sent. <see cref="Start"/> after <see cref="End"/>
/// spans midnight (22:00–07:00). Start equal to End means no quiet time at all.
/// </summary>
public sealed class QuietHours
{
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }

    /// <summary>IANA or Windows time zone id; UTC when empty.</summary>
    public string TimeZone { get; set; } = "UTC";

    public bool Contains(DateTimeOffset instant)
    {
        if (Start == End) return false;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone()).DateTime);
        return Start < End ? local >= Start && local < End : local >= Start || local < End;
    }

    /// <summary>The first instant at or after <paramref name="instant"/> that is outside the quiet window.</summary>
    public DateTimeOffset EndAfter(DateTimeOffset instant)
    {
        if (!Contains(instant)) return instant;
        var zone = Zone();
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var endToday = local.Date + End.ToTimeSpan();
        var endLocal = endToday > local ? endToday : endToday.AddDays(1);
        // An End that falls into a DST gap does not exist locally; the next valid minute is the same instant in practice.
        while (zone.IsInvalidTime(endLocal)) endLocal = endLocal.AddMinutes(1);
        return new DateTimeOffset(DateTime.SpecifyKind(endLocal, DateTimeKind.Unspecified), zone.GetUtcOffset(endLocal));
    }

    private TimeZoneInfo Zone() =>
        string.IsNullOrWhiteSpace(TimeZone) || TimeZone == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
