namespace FeedWatch.Core.Feeds.Polling;

/// <summary>Bounds for the poll schedule. Defaults suit news feeds: every 15 minutes, never more often than every 2.</summary>
public sealed record PollingPolicyOptions
{
    /// <summary>Used when a feed has no configured interval and too few dated items to estimate its posting rate.</summary>
    public TimeSpan DefaultInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The adaptive interval stays within these bounds.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Polls per average gap between posts: 2 means a feed posting hourly is polled every 30 minutes.</summary>
    public double PollsPerPost { get; init; } = 2;

    /// <summary>The first retry after a failure waits this long; each further failure doubles it.</summary>
    public TimeSpan FailureBackoffBase { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxFailureBackoff { get; init; } = TimeSpan.FromHours(12);

    /// <summary>±fraction of deterministic jitter so feeds added together do not stay in lock-step.</summary>
    public double JitterFraction { get; init; } = 0.1;

    /// <summary>No publisher hint (ttl, max-age, Expires, Retry-After) pushes the next poll further out than this.</summary>
    public TimeSpan MaxHintedDelay { get; init; } = TimeSpan.FromDays(1);
}
