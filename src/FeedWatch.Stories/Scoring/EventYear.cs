using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Scoring;

/// <summary>
/// The year an undated article's event most likely happened: the latest plausible year its headline or text mentions
/// (reports cite earlier years as background, rarely later ones). Two events of the same kind (two parliamentary
/// elections, two emergency patches) are told apart by it when no publication dates are known.
/// </summary>
internal static class EventYear
{
    private const int Earliest = 1950;
    private const int Latest = 2099;

    public static int? Of(string? title, AnalyzedText body)
    {
        ArgumentNullException.ThrowIfNull(body);
        int? latest = LatestIn(title ?? "");
        foreach (var token in body.Tokens)
        {
            if (token.IsNumber && token.Length == 4 && Year(body.Text.AsSpan(token.Start, token.Length)) is { } year && (latest is null || year > latest))
            {
                latest = year;
            }
        }

        return latest;
    }

    private static int? LatestIn(string text)
    {
        int? latest = null;
        for (var i = 0; i + 4 <= text.Length; i++)
        {
            var boundedLeft = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var boundedRight = i + 4 == text.Length || !char.IsLetterOrDigit(text[i + 4]);
            if (boundedLeft && boundedRight && Year(text.AsSpan(i, 4)) is { } year && (latest is null || year > latest))
            {
                latest = year;
            }
        }

        return latest;
    }

    private static int? Year(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }

            value = (value * 10) + (c - '0');
        }

        return value is >= Earliest and <= Latest ? value : null;
    }
}
