namespace FeedWatch.Stories.Promotion;

/// <summary>"Track any story that reaches <see cref="Outlets"/> outlets within <see cref="Window"/>."</summary>
public sealed record PromotionRule(int Outlets, TimeSpan Window)
{
    public static PromotionRule Default { get; } = new(3, TimeSpan.FromHours(24));

    /// <summary>True when some window of length <see cref="Window"/> holds the first sightings of at least <see cref="Outlets"/> outlets.</summary>
    public bool IsSatisfiedBy(IReadOnlyList<DateTimeOffset> outletFirstSeen)
    {
        ArgumentNullException.ThrowIfNull(outletFirstSeen);
        if (Outlets <= 1)
        {
            return outletFirstSeen.Count >= 1;
        }

        var times = outletFirstSeen.Order().ToArray();
        for (var end = Outlets - 1; end < times.Length; end++)
        {
            if (times[end] - times[end - Outlets + 1] <= Window)
            {
                return true;
            }
        }

        return false;
    }
}
