namespace FeedWatch.Core.Feeds.Polling;

/// <summary>When to poll next, or that polling must stop (410 Gone), and why.</summary>
public sealed record PollDecision(DateTimeOffset? NextPollAt, bool StopPolling, int ConsecutiveFailures, string Reason)
{
    public TimeSpan? Delay(DateTimeOffset now) => NextPollAt - now;
}
