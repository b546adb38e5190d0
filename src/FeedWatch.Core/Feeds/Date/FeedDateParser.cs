using System.Globalization;

namespace FeedWatch.Core.Feeds.Date;

/// <summary>
/// Parses the dates feeds actually contain: RFC 822/1123 (any weekday, wrong weekdays, two-digit years, named,
/// numeric and military zones, IANA zone names), ISO 8601 / RFC 3339 / W3CDTF including the truncated and ordinal
/// forms, asctime, Unix timestamps, and localised month and weekday names. Culture-invariant, never throws:
/// anything it cannot read is <c>null</c>.
/// </summary>
public static class FeedDateParser
{
    public static DateTimeOffset? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var s = value.Trim();
        if (s.Length == 0 || s.Length > 200)
        {
            return null;
        }

        try
        {
            if (FastFormats.TryParse(s, out var fast))
            {
                return fast;
            }

            if (s.Length is >= 9 and <= 11 && s.All(char.IsAsciiDigit)
                && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            {
                return DateTimeOffset.FromUnixTimeSeconds(unix);
            }

            return Iso8601.Parse(s) ?? FreeFormDate.Parse(s);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
