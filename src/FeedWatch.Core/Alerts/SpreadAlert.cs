using FeedWatch.Core.Stories;

namespace FeedWatch.Core.Alerts;

/// <summary>
/// "Story S reached outlet O": the data of a feedwatch.story.spread CloudEvent. <see cref="Id"/> is derived from
/// story and outlet only (<see cref="AlertIds"/>), so a retried or replayed classification can never alert twice.
/// </summary>
public sealed record SpreadAlert
{
    public required string Id { get; init; }
    public required string StoryId { get; init; }
    public required string StoryTitle { get; init; }
    public required string Outlet { get; init; }
    public required string ArticleId { get; init; }
    public required string ArticleUrl { get; init; }
    public string? ArticleTitle { get; init; }
    public DateTimeOffset? ArticlePublished { get; init; }
    public required ReuseRelation Relation { get; init; }
    public required double Score { get; init; }
    public IReadOnlyList<MatchedPassage> Passages { get; init; } = [];
    public IReadOnlyList<OutletSighting> OutletsSoFar { get; init; } = [];
    public string? OriginOutlet { get; init; }
    public required DateTimeOffset DetectedAt { get; init; }
}
