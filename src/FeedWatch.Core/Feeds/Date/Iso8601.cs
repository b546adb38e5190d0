using System.Globalization;
using System.Text.RegularExpressions;

namespace FeedWatch.Core.Feeds.Date;

/// <summary>ISO 8601 / RFC 3339 / W3CDTF, including the truncated, ordinal and two-digit-year forms of old feeds.</summary>
internal static partial class Iso8601
{
    public static DateTimeOffset? Parse(string s)
    {
        var m = Full().Match(s);
        if (m.Success)
        {
            var year = Int(m.Groups["y"].Value);
            var month = m.Groups["m"].Success ? Int(m.Groups["m"].Value) : 1;
            var day = m.Groups["d"].Success ? Int(m.Groups["d"].Value) : 1;
            if (m.Groups["m"].Success && m.Groups["m"].Value.Length == 3 && !m.Groups["d"].Success)
            {
                // YYYY-DDD: an ordinal date.
                return Build(year, 1, 1, m, addDays: month - 1);
            }

            if (Build(year, month, day, m, addDays: 0) is { } full)
            {
                return full;
            }
        }

        m = TwoDigit().Match(s);
        if (m.Success)
        {
            var year = TwoDigitYear(Int(m.Groups["y"].Value));
            if (m.Groups["o"].Success)
            {
                return Build(year, 1, 1, m, addDays: Int(m.Groups["o"].Value) - 1);
            }

            return Build(year, Int(m.Groups["m"].Value), m.Groups["d"].Success ? Int(m.Groups["d"].Value) : 1, m, addDays: 0);
        }

        return null;
    }

    internal static int TwoDigitYear(int yy) => yy < 50 ? 2000 + yy : 1900 + yy;

    private static DateTimeOffset? Build(int year, int month, int day, Match m, int addDays)
    {
        var hour = m.Groups["H"].Success ? Int(m.Groups["H"].Value) : 0;
        var minute = m.Groups["M"].Success ? Int(m.Groups["M"].Value) : 0;
        var second = m.Groups["S"].Success ? Int(m.Groups["S"].Value) : 0;
        var offset = TimeSpan.Zero;
        if (m.Groups["z"].Success && m.Groups["z"].Value is { Length: > 0 } z && z != "Z" && z != "z")
        {
            var sign = z[0] == '-' ? -1 : 1;
            var digits = z[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            var oh = Int(digits[..2]);
            var om = digits.Length >= 4 ? Int(digits[2..4]) : 0;
            if (om > 59 || oh > 23)
            {
                return null;
            }

            offset = ZoneMath.Clamp(sign * ((oh * 60) + om));
        }

        return ZoneMath.Compose(year, month, day, hour, minute, second, offset, addDays);
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})(?:-?(?<m>\d{2,3})(?:-?(?<d>\d{2}))?)?(?:(?:T|\s+)(?<H>\d{1,2})(?::?(?<M>\d{2})(?::?(?<S>\d{2})(?:[.,]\d+)?)?)?\s*(?<z>Z|[+-]\d{2}(?::?\d{2})?)?Z?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Full();

    [GeneratedRegex(@"^(?:-(?<y>\d{2})-?(?<m>\d{2})|(?<y>\d{2})(?<o>\d{3})|(?<y>\d{2})-?(?<m>\d{2})-?(?<d>\d{2}))(?:T(?<H>\d{2}):?(?<M>\d{2})(?::?(?<S>\d{2}))?)?(?<z>Z|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDigit();
}
