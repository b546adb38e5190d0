namespace FeedWatch.Core.Stories.Scoring;

/// <summary>
/// Damps topic similarity by the distance between the article and the story's time span: independent coverage of one
/// event clusters in time, while a similar event months later is a different story. Unknown dates do not damp.
/// An article older than the story's first article (met out of order) is damped on its own, longer scale: such a story
/// was most likely started by a late copy, and the coverage it copied is older by up to the copy's delay.
/// Known, close dates are positive evidence too: <see cref="Evidence"/> boosts topic similarity by up to
/// (1 + bonus) when the article falls inside the story's time span.
/// </summary>
public static class TimeProximity
{
    /// <param name="scaleBefore">
    /// Time scale for an article published before the story's first article (met out of order); zero or less uses
    /// <paramref name="scale"/>.
    /// </param>
    public static double Factor(DateTimeOffset? published, DateTimeOffset? storyFirst, DateTimeOffset? storyLast, TimeSpan scale, TimeSpan scaleBefore = default)
    {
        if (published is not { } p || storyFirst is not { } first || storyLast is not { } last || scale <= TimeSpan.Zero)
        {
            return 1;
        }

        if (p < first)
        {
            return 1 / (1 + ((first - p) / (scaleBefore > TimeSpan.Zero ? scaleBefore : scale)));
        }

        var distance = p > last ? p - last : TimeSpan.Zero;
        return 1 / (1 + (distance / scale));
    }

    public static double Evidence(DateTimeOffset? published, DateTimeOffset? storyFirst, DateTimeOffset? storyLast, TimeSpan scale, double bonus, double floor = 0, TimeSpan scaleBefore = default)
    {
        if (published is null || storyFirst is null || storyLast is null)
        {
            return 1;
        }

        var factor = Factor(published, storyFirst, storyLast, scale, scaleBefore);

        return Math.Max(floor, factor * (1 + (bonus * factor)));
    }
}
