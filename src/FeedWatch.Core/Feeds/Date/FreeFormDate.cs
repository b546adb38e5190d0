using System.Globalization;
using System.Text.RegularExpressions;

namespace FeedWatch.Core.Feeds.Date;

/// <summary>
/// Token-based reader for everything that is not ISO 8601: finds the time, the month (name or number), day, year,
/// AM/PM and zone wherever the publisher put them. Any word it does not know makes the whole date unreadable,
/// so garbage is rejected rather than guessed.
/// </summary>
internal static partial class FreeFormDate
{
    public static DateTimeOffset? Parse(string input)
    {
        var s = Parenthesized().Replace(input, " ").ToLowerInvariant();
        // Korean blog engines write local (KST) time with 년/월/일 markers and 오전/오후 for AM/PM.
        var korean = s.AsSpan().IndexOfAny("년월일오전후") >= 0;
        s = s.Replace("a.m.", "am", StringComparison.Ordinal).Replace("p.m.", "pm", StringComparison.Ordinal)
             .Replace("오전", " am ", StringComparison.Ordinal).Replace("오후", " pm ", StringComparison.Ordinal);

        TimeSpan? offset = null;
        var iana = IanaZone().Match(s);
        TimeZoneInfo? ianaZone = null;
        if (iana.Success && TryFindZone(iana.Value, out var tz))
        {
            ianaZone = tz;
            s = s.Remove(iana.Index, iana.Length);
        }

        int? hour = null, minute = null, second = null;
        int? month = null;
        int? monthOnlyCandidate = null;
        var numbers = new List<(int Value, int Digits, char SepBefore)>();
        bool? pm = null;
        var lastSep = ' ';
        var tokens = Token().Matches(s);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Groups["time"].Success)
            {
                if (hour is not null)
                {
                    // A second time after the clock time: only valid as a numeric offset ("-01:01").
                    return null;
                }

                var parts = t.Groups["time"].Value.Split(':');
                hour = Int(parts[0]);
                minute = Int(parts[1]);
                second = parts.Length > 2 ? Int(parts[2].Split('.', ',')[0]) : 0;
                if (i + 1 < tokens.Count && tokens[i + 1].Value == ":")
                {
                    return null;
                }
            }
            else if (t.Groups["sign"].Success)
            {
                var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
                var afterClock = hour is not null;
                if (afterClock && next is not null && next.Groups["num"].Success && next.Groups["num"].Value.Length is 4 or 2 or 1 or 3)
                {
                    var digits = next.Groups["num"].Value;
                    var (oh, om) = digits.Length <= 2 ? (Int(digits), 0) : (Int(digits[..^2]), Int(digits[^2..]));
                    if (!TrySetOffset(ref offset, t.Value[0], oh, om))
                    {
                        return null;
                    }

                    i++;
                }
                else if (afterClock && next is not null && next.Groups["offset"].Success)
                {
                    var parts = next.Groups["offset"].Value.Split(':');
                    if (!TrySetOffset(ref offset, t.Value[0], Int(parts[0]), Int(parts[1])))
                    {
                        return null;
                    }

                    i++;
                }
                else
                {
                    lastSep = '-';
                }
            }
            else if (t.Groups["offset"].Success)
            {
                // hh:mm seen twice means "time" was already taken: handled above; here it is a second clock.
                if (hour is not null)
                {
                    return null;
                }

                var parts = t.Groups["offset"].Value.Split(':');
                hour = Int(parts[0]);
                minute = Int(parts[1]);
                second = 0;
            }
            else if (t.Groups["num"].Success)
            {
                var v = t.Groups["num"].Value;
                if (v.Length > 4)
                {
                    return null;
                }

                numbers.Add((Int(v), v.Length, lastSep));
                lastSep = ' ';
            }
            else if (t.Groups["word"].Success)
            {
                var w = t.Groups["word"].Value;
                if (w is "am" or "pm")
                {
                    pm = w == "pm";
                }
                else if (hour is not null && DateWords.Zones.TryGetValue(w, out var zoneMinutes))
                {
                    offset ??= TimeSpan.FromMinutes(zoneMinutes);
                }
                else if (w == "t" && i + 1 < tokens.Count && (tokens[i + 1].Groups["time"].Success || tokens[i + 1].Groups["offset"].Success))
                {
                    // ISO date/time separator
                }
                else if (DateWords.Months.TryGetValue(w, out var mo))
                {
                    if (DateWords.Weekdays.Contains(w))
                    {
                        monthOnlyCandidate ??= mo;
                    }
                    else if (month is null)
                    {
                        month = mo;
                    }
                }
                else if (DateWords.Weekdays.Contains(w) || DateWords.Fillers.Contains(w) || (w is "st" or "nd" or "rd" or "th" && numbers.Count > 0))
                {
                    // carries no information
                }
                else if (DateWords.Zones.TryGetValue(w, out zoneMinutes) && w.Length > 1)
                {
                    offset ??= TimeSpan.FromMinutes(zoneMinutes);
                }
                else
                {
                    return null;
                }
            }
            else if (t.Groups["sep"].Success)
            {
                var sep = t.Value.Trim();
                lastSep = sep.Length > 0 ? sep[0] : lastSep;
            }
            else
            {
                return null;
            }
        }

        month ??= monthOnlyCandidate;
        if (!ResolveDate(numbers, month, out var year, out var mon, out var day))
        {
            return null;
        }

        var h = hour ?? 0;
        if (pm is not null)
        {
            if (h is < 1 or > 12)
            {
                return null;
            }

            h = pm.Value ? (h % 12) + 12 : h % 12;
        }

        if (ianaZone is not null && offset is null)
        {
            var local = new DateTime(year, mon, day, Math.Min(h, 23), minute ?? 0, Math.Min(second ?? 0, 59), DateTimeKind.Unspecified);
            offset = ianaZone.GetUtcOffset(local);
        }

        return ZoneMath.Compose(year, mon, day, h, minute ?? 0, second ?? 0, offset ?? (korean ? TimeSpan.FromHours(9) : TimeSpan.Zero));
    }

    private static bool ResolveDate(List<(int Value, int Digits, char SepBefore)> n, int? monthName, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (monthName is { } m)
        {
            month = m;
            switch (n.Count)
            {
                case 1 when n[0].Digits >= 3:
                    year = n[0].Value;
                    day = 1;
                    return true;
                case 2:
                    if (n[0].Digits >= 3)
                    {
                        (year, day) = (n[0].Value, n[1].Value);
                    }
                    else
                    {
                        day = n[0].Value;
                        year = n[1].Digits >= 3 ? n[1].Value : Iso8601.TwoDigitYear(n[1].Value);
                    }

                    return n[1].Digits != 1 || n[0].Digits >= 3;
                default:
                    return false;
            }
        }

        if (n.Count != 3)
        {
            return false;
        }

        if (n[0].Digits == 4)
        {
            (year, month, day) = (n[0].Value, n[1].Value, n[2].Value);
            return true;
        }

        year = n[2].Digits >= 3 ? n[2].Value : Iso8601.TwoDigitYear(n[2].Value);
        var slash = n[1].SepBefore == '/';
        (month, day) = slash ? (n[0].Value, n[1].Value) : (n[1].Value, n[0].Value);
        if (month > 12 && day <= 12)
        {
            (month, day) = (day, month);
        }

        return true;
    }

    private static bool TrySetOffset(ref TimeSpan? offset, char sign, int hours, int minutes)
    {
        if (hours > 23 || minutes > 59)
        {
            return false;
        }

        offset = ZoneMath.Clamp((sign == '-' ? -1 : 1) * ((hours * 60) + minutes));
        return true;
    }

    private static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(id).Replace("Etc/Gmt", "Etc/GMT", StringComparison.Ordinal).Replace("Etc/Utc", "Etc/UTC", StringComparison.Ordinal));
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"\b[a-z]+(?:/[a-z_\-]+)+\b", RegexOptions.CultureInvariant)]
    private static partial Regex IanaZone();

    [GeneratedRegex(@"(?<time>\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d+)?)|(?<offset>\d{1,2}:\d{2})|(?<num>\d+)|(?<word>\p{L}+)|(?<sign>[+-])|(?<sep>[\s,./]+)|(?<other>.)", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
