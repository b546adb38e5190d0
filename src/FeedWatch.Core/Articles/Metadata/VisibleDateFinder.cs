using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Metadata;

/// <summary>
/// The date a reader sees: when a page declares no date in its markup, the short text (a byline or dateline, under
/// 120 characters) holding a written date ("March 5, 2024", "5 Mar 2024", "2024-03-05", "05.03.2024") nearest to
/// the headline (the first h1), after it on a tie; without an h1 the first such text. Bounded walk.
/// </summary>
public static partial class VisibleDateFinder
{
    private const int MaxTextLength = 120;
    private const int MaxElements = 20_000;

    public static DateTimeOffset? Find(IElement? body, IElement? headline, int maxDepth, bool monthFirst = true)
    {
        if (body is null)
        {
            return null;
        }

        var state = new WalkState(headline, monthFirst);
        Walk(body, 0, maxDepth, state);
        if (state.HeadlineIndex < 0)
        {
            return state.Dates.Count == 0 ? null : state.Dates[0].Date;
        }

        DateTimeOffset? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (index, date) in state.Dates)
        {
            // Distance in text nodes; a date after the headline wins a tie (datelines usually follow it).
            var distance = index >= state.HeadlineIndex ? 2 * (index - state.HeadlineIndex) : (2 * (state.HeadlineIndex - index)) + 1;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = date;
            }
        }

        return best;
    }

    private static void Walk(IElement element, int depth, int maxDepth, WalkState state)
    {
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length && state.Elements < MaxElements; i++)
        {
            var child = children[i];
            if (child is IText text)
            {
                state.TextIndex++;
                if (text.Data.Length <= MaxTextLength * 2 && Parse(text.Data, state.MonthFirst) is { } date && state.Dates.Count < 200)
                {
                    state.Dates.Add((state.TextIndex, date));
                }

                continue;
            }

            if (child is not IElement childElement || depth >= maxDepth)
            {
                continue;
            }

            state.Elements++;
            if (childElement == state.Headline)
            {
                state.HeadlineIndex = state.TextIndex + 1;
            }

            if (childElement.LocalName is "script" or "style" or "noscript" or "template")
            {
                continue;
            }

            Walk(childElement, depth + 1, maxDepth, state);
        }
    }

    /// <summary>
    /// Whether an ambiguous numeric date ("3/4/2025") is month first: in US English (and English without a region,
    /// or no declared language), not elsewhere. Unambiguous ones ("24/2/2026", "2/24/2026") are read either way.
    /// </summary>
    public static bool IsMonthFirst(string? language) =>
        language is null || language.Equals("en", StringComparison.OrdinalIgnoreCase) || language.StartsWith("en-us", StringComparison.OrdinalIgnoreCase);

    /// <summary>A written date inside a short text, or null.</summary>
    public static DateTimeOffset? Parse(string text, bool monthFirst = true)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length is < 8 or > MaxTextLength || trimmed.IndexOfAnyInRange('0', '9') < 0)
        {
            return null;
        }

        var value = trimmed.ToString();
        if (MonthFirst().Match(value) is { Success: true } m1 && Make(m1.Groups["y"].Value, Month(m1.Groups["m"].Value), m1.Groups["d"].Value) is { } a)
        {
            return a;
        }

        if (DayFirst().Match(value) is { Success: true } m2 && Make(m2.Groups["y"].Value, Month(m2.Groups["m"].Value), m2.Groups["d"].Value) is { } b)
        {
            return b;
        }

        if (Iso().Match(value) is { Success: true } m3 && Make(m3.Groups["y"].Value, int.Parse(m3.Groups["m"].Value, CultureInfo.InvariantCulture), m3.Groups["d"].Value) is { } c)
        {
            return c;
        }

        if (Dotted().Match(value) is { Success: true } m4 && Make(m4.Groups["y"].Value, int.Parse(m4.Groups["m"].Value, CultureInfo.InvariantCulture), m4.Groups["d"].Value) is { } d)
        {
            return d;
        }

        if (Slashed().Match(value) is { Success: true } m5)
        {
            var first = int.Parse(m5.Groups["a"].Value, CultureInfo.InvariantCulture);
            var second = int.Parse(m5.Groups["b"].Value, CultureInfo.InvariantCulture);
            var isMonthFirst = second > 12 || (first <= 12 && monthFirst);
            return isMonthFirst ? Make(m5.Groups["y"].Value, first, m5.Groups["b"].Value) : Make(m5.Groups["y"].Value, second, m5.Groups["a"].Value);
        }

        return null;
    }

    private static DateTimeOffset? Make(string year, int month, string day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y is < 1990 or > 2100 || month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        return new DateTimeOffset(y, month, d, 0, 0, 0, TimeSpan.Zero);
    }

    private static int Month(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => 0,
    };

    private const string MonthName = "(?<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    [GeneratedRegex(@"\b" + MonthName + @"\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthName + @"\.?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    // A time may follow directly ("2022-11-23T08:10+02:00").
    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Dotted();

    // "10/31/2024", "3/4/2025": month or day first, see IsMonthFirst.
    [GeneratedRegex(@"(?<![\d/])(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Slashed();

    private sealed class WalkState(IElement? headline, bool monthFirst)
    {
        public bool MonthFirst { get; } = monthFirst;
        public IElement? Headline { get; } = headline;
        public List<(int Index, DateTimeOffset Date)> Dates { get; } = [];
        public int HeadlineIndex { get; set; } = -1;
        public int TextIndex { get; set; }
        public int Elements { get; set; }
    }
}
