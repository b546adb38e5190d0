namespace FeedWatch.Core.Feeds.Polling;

/// <summary>Everything one poll learned that bears on when to poll again.</summary>
public sealed record PollObservation
{
    public required DateTimeOffset Now { get; init; }

    /// <summary>A stable key (feed id or URL): seeds the jitter so the same feed always gets the same offset.</summary>
    public required string FeedKey { get; init; }

    /// <summary>0 when no HTTP response arrived (timeout, refused, blocked …).</summary>
    public int StatusCode { get; init; }

    public bool Failed { get; init; }

    /// <summary>Failures in a row before this poll.</summary>
    public int PreviousConsecutiveFailures { get; init; }

    /// <summary>The interval the operator configured for this feed, if any: the fixed interval, or the floor when <see cref="Adaptive"/>.</summary>
    public TimeSpan? ConfiguredInterval { get; init; }

    /// <summary>
    /// Follow the posting rate? Null: only when no interval is configured. True: adaptive within the policy bounds,
    /// never more often than <see cref="ConfiguredInterval"/>. False: the configured (or default) interval, fixed.
    /// </summary>
    public bool? Adaptive { get; init; }

    public int? TimeToLiveMinutes { get; init; }
    public TimeSpan? RetryAfter { get; init; }
    public TimeSpan? MaxAge { get; init; }
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Publication dates of the feed's items (any order) for the posting-rate estimate.</summary>
    public IReadOnlyList<DateTimeOffset> ItemDates { get; init; } = [];
}
