namespace FeedWatch.Core.Pipeline.Documents;

/// <summary>feeds/{id}.json: a feed's definition as last scheduled plus everything a poll needs to remember.</summary>
public sealed record FeedState
{
    public required string FeedId { get; init; }
    public required string Url { get; init; }
    public string? Name { get; init; }
    public required TimeSpan PollInterval { get; init; }

    /// <summary>Whether the interval follows the posting rate (<see cref="PollInterval"/> then is the floor when configured).</summary>
    public bool Adaptive { get; init; }

    /// <summary>True when <see cref="PollInterval"/> came from the feed's definition rather than the default.</summary>
    public bool IntervalConfigured { get; init; }

    /// <summary>The feed's &lt;ttl&gt; (minutes) from the last successful parse: still honoured after 304 Not Modified.</summary>
    public int? TimeToLiveMinutes { get; init; }

    /// <summary>Publication dates of the newest items seen (bounded), so the posting rate survives 304s and short feeds.</summary>
    public IReadOnlyList<DateTimeOffset> RecentItemDates { get; init; } = [];

    /// <summary>Set when the feed moved permanently (301/308): polled instead of <see cref="Url"/> until the definition changes.</summary>
    public string? PermanentRedirectUrl { get; init; }

    /// <summary>Feed title from the last successful parse.</summary>
    public string? Title { get; init; }

    /// <summary>Validators of the last 200 response, sent back as If-None-Match / If-Modified-Since.</summary>
    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>The due time of the schedule tick that last enqueued a poll; a poll for an older tick is a duplicate.</summary>
    public DateTimeOffset? ScheduledDueAt { get; init; }

    public DateTimeOffset? LastPolledDueAt { get; init; }
    public DateTimeOffset? NextPollAt { get; init; }
    public DateTimeOffset? LastPolledAt { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public int? LastStatus { get; init; }
    public int ConsecutiveFailures { get; init; }
    public string? LastError { get; init; }
    public int ItemsSeenTotal { get; init; }

    /// <summary>New items not fetched because a poll listed more than MaxNewItemsPerPoll of them (all polls together).</summary>
    public int ItemsSkippedTotal { get; init; }

    /// <summary>
    /// The newest item date seen in any poll (never later than the poll's time). Once <see cref="SeenItems"/> is full, an
    /// item dated before this mark (less the grace) is known, so an item trimmed from the set never becomes new again.
    /// </summary>
    public DateTimeOffset? HighWaterMark { get; init; }

    /// <summary>Keys (canonical link or guid) of recent items already handed to fetch-article, newest last; bounded.</summary>
    public IReadOnlyList<string> SeenItems { get; init; } = [];
}
