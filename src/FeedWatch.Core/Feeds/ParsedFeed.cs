namespace FeedWatch.Core.Feeds;

/// <summary>The common model every feed format is adapted to.</summary>
public sealed record ParsedFeed
{
    public required FeedFormat Format { get; init; }
    public bool WellFormed { get; init; } = true;
    public IReadOnlyList<string> Problems { get; init; } = [];
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Description { get; init; }
    public string? Language { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];
    public FeedImage? Image { get; init; }

    /// <summary>The feed's &lt;ttl&gt; (RSS) in minutes: a lower bound on the poll interval.</summary>
    public int? TimeToLiveMinutes { get; init; }

    public IReadOnlyList<FeedItem> Items { get; init; } = [];

    /// <summary>The character encoding the bytes were read with (lower case, e.g. "utf-8", "windows-1252").</summary>
    public string? Encoding { get; init; }
}
