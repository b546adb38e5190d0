namespace FeedWatch.Core.Stories;

/// <summary>
/// A story's bounded fingerprint, persisted inside the story document (stories/{id}.json) so any worker can
/// rebuild its index. Stays bounded however many articles join. The fields below are the engine's own;
/// the pipeline treats the profile as opaque apart from <see cref="StoryId"/> and <see cref="LastSeen"/>.
/// </summary>
public sealed record StoryProfile
{
    public required string StoryId { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    public int ArticleCount { get; init; }

    /// <summary>Representative articles (bounded), enough to rebuild the index and align passages.</summary>
    public IReadOnlyList<StoryArticle> Representatives { get; init; } = [];

    /// <summary>
    /// For each of <see cref="Representatives"/>, the engine's article sequence number when it joined, while it is still
    /// inside the engine's source window (null once it has left it). A reloaded engine caches the same sources as the
    /// engine that wrote the profile, so it scores reuse exactly as that engine did. Empty in profiles written before it
    /// was recorded (nothing cached from them).
    /// </summary>
    public IReadOnlyList<long?> RepresentativeSequences { get; init; } = [];

    /// <summary>Publication time of the story's earliest article.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Origin attribution: the outlet and article that carried the story first.</summary>
    public string? OriginOutlet { get; init; }

    public string? OriginArticleId { get; init; }

    /// <summary>The bounded topic centroid (independent-coverage matching). Rebuilt from representatives when empty.</summary>
    public IReadOnlyList<ProfileTerm> Terms { get; init; } = [];

    public StoryTracking Tracking { get; init; } = StoryTracking.Discovered;

    /// <summary>The query of a query-tracked story (syntax in docs/stories.md).</summary>
    public string? Query { get; init; }

    /// <summary>The event year its first article that mentions one suggests (used when publication dates are unknown).</summary>
    public int? EventYear { get; init; }

    /// <summary>The engine's article sequence number when the story was born (schedules its delayed re-check).</summary>
    public long? BornAt { get; init; }

    /// <summary>The engine's article sequence number when this profile was written (a reloaded engine resumes from it).</summary>
    public long? Sequence { get; init; }

    /// <summary>
    /// The sequence number through which the engine's delayed re-checks had been made, and their merges written, when
    /// this profile was written. A restarted engine makes again the re-checks due after it (a crash between a merge in
    /// memory and its document writes loses nothing). Null in profiles written before it was recorded.
    /// </summary>
    public long? ConsolidatedThrough { get; init; }

    /// <summary>
    /// The earlier story this one continues (a saga's later development): its article scored as the same topic but named
    /// other days or facts, so it started a new story. Null when it continues none. Set once, when the story is born.
    /// </summary>
    public string? Follows { get; init; }

    /// <summary>The first and last calendar day its articles' headlines and ledes name (null when none).</summary>
    public DateOnly? EventDayFirst { get; init; }

    public DateOnly? EventDayLast { get; init; }

    /// <summary>The weekdays its articles' headlines and ledes name (bit 0 = Sunday … bit 6 = Saturday).</summary>
    public int EventWeekdays { get; init; }

    /// <summary>Stories merged into this one by consolidation (their documents redirect here).</summary>
    public IReadOnlyList<string> MergedFrom { get; init; } = [];
}
