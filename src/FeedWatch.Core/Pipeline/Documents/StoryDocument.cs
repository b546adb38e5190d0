using FeedWatch.Core.Stories;

namespace FeedWatch.Core.Pipeline.Documents;

/// <summary>
/// stories/{id}.json: the persistent truth about a story. Updated only with If-Match (compare-and-swap), so
/// concurrent classify workers cannot lose each other's outlets or alerts.
/// </summary>
public sealed record StoryDocument
{
    public int SchemaVersion { get; init; } = 1;
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>Tracked stories raise spread alerts; discovered ones are only recorded.</summary>
    public bool Tracked { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? TrackedSince { get; init; }
    public string? OriginOutlet { get; init; }
    public string? OriginArticleId { get; init; }
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    public int ArticleCount { get; init; }
    public IReadOnlyList<StoryOutlet> Outlets { get; init; } = [];

    /// <summary>The latest article ids that joined (bounded): makes a redelivered classification a no-op.</summary>
    public IReadOnlyList<string> RecentArticleIds { get; init; } = [];

    public IReadOnlyList<OutboxEntry> Outbox { get; init; } = [];

    /// <summary>
    /// Set when consolidation found this story to be part of another: readers follow the redirect to that story, which
    /// holds this one's outlets and articles (its profile lists this id in <see cref="StoryProfile.MergedFrom"/>).
    /// The document stays, with its outbox, for history and for alerts still being delivered.
    /// </summary>
    public string? MergedInto { get; init; }

    public DateTimeOffset? MergedAt { get; init; }
    public required StoryProfile Profile { get; init; }
}
