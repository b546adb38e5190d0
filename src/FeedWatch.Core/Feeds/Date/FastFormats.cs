namespace FeedWatch.Core.Feeds.Date;

/// <summary>
/// Allocation-free fast paths for the two shapes nearly every feed uses — RFC 1123 ("Mon, 02 Jan 2006 15:04:05 GMT"
/// or "+0100") and RFC 3339 ("2006-01-02T15:04:05.5Z"). Anything else falls through to the general parsers.
/// </summary>
internal static class FastFormats
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        return s.Length >= 20 && (char.IsAsciiDigit(s[0]) ? TryRfc3339(s, out value) : TryRfc1123(s, out value));
    }

    private static bool TryRfc1123(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        // "Ddd, " then "d{1,2} Mon yyyy HH:mm:ss zone"
        if (s.Length < 26 || s[3] != ',' || s[4] != ' ')
        {
            return false;
        }

        var i = 5;
        if (!Digits(s, ref i, 1, 2, out var day) || !Char(s, ref i, ' ') || i + 3 > s.Length)
        {
            return false;
        }

        var month = Month(s.Slice(i, 3));
        i += 3;
        if (month == 0 || !Char(s, ref i, ' ') || !Digits(s, ref i, 4, 4, out var year) || !Char(s, ref i, ' ')
            || !Digits(s, ref i, 2, 2, out var hour) || !Char(s, ref i, ':') || !Digits(s, ref i, 2, 2, out var minute)
            || !Char(s, ref i, ':') || !Digits(s, ref i, 2, 2, out var second) || !Char(s, ref i, ' '))
        {
            return false;
        }

        var zone = s[i..];
        int offsetMinutes;
        if (zone is "GMT" or "UT" or "UTC" or "Z" or "+0000" or "-0000")
        {
            offsetMinutes = 0;
        }
        else if (zone.Length == 5 && zone[0] is '+' or '-' && int.TryParse(zone[1..3], out var oh) && int.TryParse(zone[3..5], out var om) && om < 60)
        {
            offsetMinutes = (zone[0] == '-' ? -1 : 1) * ((oh * 60) + om);
        }
        else
        {
            return false;
        }

        return Compose(year, month, day, hour, minute, second, offsetMinutes, out value);
    }

    private static bool TryRfc3339(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        var i = 0;
        if (!Digits(s, ref i, 4, 4, out var year) || !Char(s, ref i, '-') || !Digits(s, ref i, 2, 2, out var month) || !Char(s, ref i, '-')
            || !Digits(s, ref i, 2, 2, out var day) || i >= s.Length || s[i] is not ('T' or 't') || ++i < 0
            || !Digits(s, ref i, 2, 2, out var hour) || !Char(s, ref i, ':') || !Digits(s, ref i, 2, 2, out var minute)
            || !Char(s, ref i, ':') || !Digits(s, ref i, 2, 2, out var second))
        {
            return false;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        var zone = s[i..];
        int offsetMinutes;
        if (zone is "Z" or "z")
        {
            offsetMinutes = 0;
        }
        else if (zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':' && int.TryParse(zone[1..3], out var oh) && int.TryParse(zone[4..6], out var om) && om < 60 && oh < 24)
        {
            offsetMinutes = (zone[0] == '-' ? -1 : 1) * ((oh * 60) + om);
        }
        else
        {
            return false;
        }

        return Compose(year, month, day, hour, minute, second, offsetMinutes, out value);
    }

    private static bool Compose(int year, int month, int day, int hour, int minute, int second, int offsetMinutes, out DateTimeOffset value)
    {
        value = default;
        if (ZoneMath.Compose(year, month, day, hour, minute, second, ZoneMath.Clamp(offsetMinutes)) is { } v)
        {
            value = v;
            return true;
        }

        return false;
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i]))
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        return i - start >= min;
    }

    private static bool Char(ReadOnlySpan<char> s, ref int i, char c)
    {
        if (i < s.Length && s[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }

    private static int Month(ReadOnlySpan<char> m) => m switch
    {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => 0,
    };
}
