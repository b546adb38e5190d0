namespace FeedWatch.Core.Stories.Scoring;

/// <summary>
/// Damps topic similarity by the distance between the article and the story's time span: independent coverage of one
/// event clusters in time, while a similar event months later is a different story. Unknown dates do not damp.
/// Known, close dates are positive evidence too: <see cref="Evidence"/> boosts topic similarity by up to
/// (1 + bonus) when the article falls inside the story's time span.
/// </summary>
public static class TimeProximity
{
    public static double Factor(DateTimeOffset? published, DateTimeOffset? storyFirst, DateTimeOffset? storyLast, TimeSpan scale)
    {
        if (published is not { } p || storyFirst is not { } first || storyLast is not { } last || scale <= TimeSpan.Zero)
        {
            return 1;
        }

        var distance = p < first ? first - p : p > last ? p - last : TimeSpan.Zero;
        return 1 / (1 + (distance / scale));
    }

    public static double Evidence(DateTimeOffset? published, DateTimeOffset? storyFirst, DateTimeOffset? storyLast, TimeSpan scale, double bonus, double floor = 0)
    {
        if (published is null || storyFirst is null || storyLast is null)
        {
            return 1;
        }

        var factor = Factor(published, storyFirst, storyLast, scale);
        return Math.Max(floor, factor * (1 + (bonus * factor)));
    }
}
