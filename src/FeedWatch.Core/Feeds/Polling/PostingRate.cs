namespace FeedWatch.Core.Feeds.Polling;

/// <summary>Estimates how often a feed posts from its items' dates (median gap of the most recent ones).</summary>
public static class PostingRate
{
    private const int RecentItems = 20;

    /// <returns>The typical gap between posts, or null with fewer than three distinct dates.</returns>
    public static TimeSpan? TypicalGap(IReadOnlyList<DateTimeOffset> dates, DateTimeOffset now)
    {
        var recent = dates.Where(d => d <= now.AddMinutes(5)).Distinct().OrderDescending().Take(RecentItems).ToList();
        if (recent.Count < 3)
        {
            return null;
        }

        var gaps = new List<TimeSpan>(recent.Count);
        for (var i = 1; i < recent.Count; i++)
        {
            gaps.Add(recent[i - 1] - recent[i]);
        }

        // The time since the newest post counts too: a feed that went quiet should slow down.
        gaps.Add(now - recent[0]);
        gaps.Sort();
        return gaps[gaps.Count / 2];
    }
}
