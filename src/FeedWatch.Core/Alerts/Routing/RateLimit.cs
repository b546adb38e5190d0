namespace FeedWatch.Core.Alerts.Routing;

/// <summary>At most <see cref="MaxMessages"/> messages per story in any sliding window of length <see cref="Per"/>.</summary>
public sealed class RateLimit
{
    public int MaxMessages { get; set; } = 10;
    public TimeSpan Per { get; set; } = TimeSpan.FromHours(1);

    public void Validate()
    {
        if (MaxMessages < 1) throw new ArgumentException("RateLimit.MaxMessages must be at least 1.");
        if (Per <= TimeSpan.Zero) throw new ArgumentException("RateLimit.Per must be a positive duration such as 01:00:00.");
    }
}
