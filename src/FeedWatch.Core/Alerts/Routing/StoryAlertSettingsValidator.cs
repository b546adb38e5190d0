namespace FeedWatch.Core.Alerts.Routing;

/// <summary>
/// The bounds a story's alert settings must keep, checked when they are saved (the dashboard API answers 400) and when
/// they are loaded (a bad stored setting is ignored for its story, with an error, and the others keep working).
/// </summary>
public static class StoryAlertSettingsValidator
{
    public const int MaxSinks = 20;
    public const int MaxNameLength = 100;
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(31);

    /// <summary>Every problem found, in words a user can act on; empty when the settings are valid.</summary>
    public static IReadOnlyList<string> Problems(StoryAlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        if (settings.Sinks.Count > MaxSinks)
        {
            problems.Add($"At most {MaxSinks} sinks per story.");
        }

        if (settings.Sinks.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > MaxNameLength))
        {
            problems.Add($"Sink names must be 1–{MaxNameLength} characters.");
        }

        if (settings.RateLimit is { } rate)
        {
            if (rate.MaxMessages is < 1 or > 10_000)
            {
                problems.Add("RateLimit.MaxMessages must be between 1 and 10000.");
            }

            if (rate.Per <= TimeSpan.Zero || rate.Per > MaxPeriod)
            {
                problems.Add($"RateLimit.Per must be a positive duration of at most {MaxPeriod.TotalDays:0} days.");
            }
        }

        if (settings.DigestPeriod is { } period && (period < TimeSpan.FromMinutes(1) || period > MaxPeriod))
        {
            problems.Add($"DigestPeriod must be between 00:01:00 and {MaxPeriod.TotalDays:0} days.");
        }

        if (settings.QuietHours is { } quiet)
        {
            var zone = quiet.TimeZone;
            if (zone is null || zone.Length > 64 || (!string.IsNullOrWhiteSpace(zone) && zone != "UTC" && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)))
            {
                problems.Add($"QuietHours.TimeZone '{Shorten(zone)}' is not a known time zone (an IANA id such as Europe/Berlin, or UTC).");
            }
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem.</summary>
    public static void Validate(StoryAlertSettings settings)
    {
        var problems = Problems(settings);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}
