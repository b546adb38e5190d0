using System.Globalization;
using System.Text.RegularExpressions;

namespace FeedWatch.Core.Articles.Metadata;

/// <summary>
/// Parses the date forms found in article metadata: ISO 8601 with or without offset (also "+0000" offsets and a
/// space instead of "T"), RFC 1123, Unix seconds/milliseconds, and written English dates. Dates without an offset
/// are taken as UTC. Scholarly citation_* meta tags write "2023 Jan 7". Years outside 1990–2100 are rejected as noise.
/// </summary>
public static partial class ArticleDateParser
{
    private static readonly string[] WrittenFormats =
    [
        "MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "dddd, MMMM d, yyyy",
        "MMMM d, yyyy h:mm tt", "MMM d, yyyy h:mm tt", "yyyy/MM/dd", "yyyy/MM/dd HH:mm", "dd.MM.yyyy", "dd.MM.yyyy HH:mm",
        "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy MMM d", "yyyy MMMM d",
    ];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > 80)
        {
            return null;
        }

        if (UnixTime().IsMatch(text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            var fromUnix = text.Length == 13 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
            return Plausible(fromUnix);
        }

        // "+0000" and "+05" offsets are common but not accepted by the framework parser.
        text = CompactOffset().Replace(text, "$1$2:$3");
        text = HourOffset().Replace(text, "$1$2:00");
        text = text.Replace(" UTC", "Z", StringComparison.OrdinalIgnoreCase).Replace(" GMT", "Z", StringComparison.OrdinalIgnoreCase);

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var parsed))
        {
            return Plausible(parsed);
        }

        if (DateTimeOffset.TryParseExact(text, WrittenFormats, CultureInfo.InvariantCulture, styles, out parsed))
        {
            return Plausible(parsed);
        }

        return null;
    }

    private static DateTimeOffset? Plausible(DateTimeOffset value) => value.Year is >= 1990 and <= 2100 ? value : null;

    [GeneratedRegex(@"^\d{10}$|^\d{13}$")]
    private static partial Regex UnixTime();

    [GeneratedRegex(@"(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();

    [GeneratedRegex(@"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2})$")]
    private static partial Regex HourOffset();
}
