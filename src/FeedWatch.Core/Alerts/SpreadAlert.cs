using FeedWatch.Core.Stories;

namespace FeedWatch.Core.Alerts;

/// <summary>
/// "Story S reached outlet O": the data of a feedwatch.story.spread CloudEvent. <see cref="Id"/> is derived from
/// story and outlet only (<see cref="AlertIds"/>), so a retried or replayed classification can never alert twice.
/// Every field is documented in docs/alerts.md and constrained by schemas/feedwatch.story.spread.v1.schema.json;
/// adding an optional field keeps v1, renaming or removing one needs v2.
/// </summary>
public sealed record SpreadAlert
{
    public required string Id { get; init; }
    public required string StoryId { get; init; }
    public required string StoryTitle { get; init; }

    /// <summary>The outlet the story just reached (registrable domain, see OutletKey).</summary>
    public required string Outlet { get; init; }

    public required string ArticleId { get; init; }
    public required string ArticleUrl { get; init; }
    public string? ArticleTitle { get; init; }
    public DateTimeOffset? ArticlePublished { get; init; }

    /// <summary>How the new article reuses the story's earlier coverage.</summary>
    public required ReuseRelation Relation { get; init; }

    /// <summary>Match score in [0, 1] as computed by the story engine.</summary>
    public required double Score { get; init; }

    /// <summary>The earlier article the new one most resembles, when the engine names one.</summary>
    public string? SourceArticleId { get; init; }

    /// <summary>Sentence pairs that made the match ("why it fired").</summary>
    public IReadOnlyList<MatchedPassage> Passages { get; init; } = [];

    /// <summary>Every outlet the story has reached, including this one, oldest first.</summary>
    public IReadOnlyList<OutletSighting> OutletsSoFar { get; init; } = [];

    /// <summary>The outlet where the story was first seen.</summary>
    public string? OriginOutlet { get; init; }

    public required DateTimeOffset DetectedAt { get; init; }
}
