using System.Globalization;
using System.Text.RegularExpressions;
using FeedWatch.Core.Stories;
using FeedWatch.Stories;

namespace FeedWatch.Stories.Events;

/// <summary>
/// Finds the days a headline and lede say their event happened: explicit dates ("March 3", "3 March 2021",
/// "Oct 27th, 2020", "2021-03-03"), weekday names ("on Tuesday") and "today" / "tonight" / "yesterday". Relative ones
/// resolve against the publication date (a weekday is the latest such day on or before it); a date without a year takes
/// the year that puts it nearest the publication date. Without a publication date only dates that carry their year
/// resolve, and weekday names are kept as names. English month and weekday names only (other languages: none found).
/// </summary>
public static partial class EventDateFinder
{
    private const string Month = "(?<m>Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";

    /// <summary>The days named in <paramref name="text"/> (headline and lede), resolved where possible.</summary>
    public static EventDays Find(string text, DateTimeOffset? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        var anchor = published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : (DateOnly?)null;
        var first = EventDays.NoDay;
        var last = EventDays.NoDay;
        byte weekdays = 0;

        void AddDay(DateOnly day)
        {
            first = first == EventDays.NoDay ? day.DayNumber : Math.Min(first, day.DayNumber);
            last = Math.Max(last, day.DayNumber);
        }

        foreach (Match match in Dates().Matches(text))
        {
            if (Resolve(match, anchor) is { } day)
            {
                AddDay(day);
            }
        }

        foreach (Match match in Relative().Matches(text))
        {
            var word = match.Value;
            if (WeekdayOf(word) is { } weekday)
            {
                weekdays |= (byte)(1 << (int)weekday);
                if (anchor is { } a)
                {
                    AddDay(a.AddDays(-(((int)a.DayOfWeek - (int)weekday + 7) % 7)));
                }
            }
            else if (anchor is { } a)
            {
                AddDay(word.StartsWith("yesterday", StringComparison.OrdinalIgnoreCase) ? a.AddDays(-1) : a);
            }
        }

        return new EventDays(first, last, weekdays);
    }

    private static DateOnly? Resolve(Match match, DateOnly? anchor)
    {
        if (match.Groups["iy"].Success)
        {
            return Make(Number(match.Groups["iy"]), Number(match.Groups["im"]), Number(match.Groups["id"]));
        }

        var month = MonthOf(match.Groups["m"].Value);
        var day = Number(match.Groups["d"]);
        if (match.Groups["y"].Success)
        {
            return Make(Number(match.Groups["y"]), month, day);
        }

        if (anchor is not { } a)
        {
            return null;
        }

        // The year that puts the date nearest the publication date (a January report of "December 30").
        DateOnly? best = null;
        foreach (var year in (int[])[a.Year - 1, a.Year, a.Year + 1])
        {
            if (Make(year, month, day) is { } candidate && (best is null || Math.Abs(candidate.DayNumber - a.DayNumber) < Math.Abs(best.Value.DayNumber - a.DayNumber)))
            {
                best = candidate;
            }
        }

        return best;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2199 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    // The regex admits English month names only, so the first three letters are one of the invariant abbreviations.
    private static int MonthOf(string name) =>
        Array.IndexOf(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames, name[..3]) + 1;

    private static DayOfWeek? WeekdayOf(string word) =>
        Array.IndexOf(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames, word[..3]) is var day and >= 0
            ? (DayOfWeek)day
            : null;

    // Month-first or day-first with an optional year, or ISO 8601. Month names are capitalised (lower-case "may" is a verb).
    [GeneratedRegex("\\b(?:" + Month + "\\s+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?\\b(?:,?\\s+(?<y>(?:19|20|21)\\d\\d)\\b)?|(?<d>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + Month + "\\b(?:,?\\s+(?<y>(?:19|20|21)\\d\\d)\\b)?|(?<iy>(?:19|20|21)\\d\\d)-(?<im>[01]\\d)-(?<id>[0-3]\\d)\\b)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Dates();

    [GeneratedRegex("\\b(?:(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day|[Tt]oday|[Tt]onight|[Yy]esterday)\\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Relative();
}
