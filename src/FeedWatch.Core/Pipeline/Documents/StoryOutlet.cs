using FeedWatch.Core.Stories;

namespace FeedWatch.Core.Pipeline.Documents;

/// <summary>An outlet a story reached: when, with which article, and how that article relates to the story.</summary>
public sealed record StoryOutlet
{
    public required string Outlet { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset DetectedAt { get; init; }
    public required string ArticleId { get; init; }
    public string? ArticleUrl { get; init; }
    public string? ArticleTitle { get; init; }
    public string? ArticleBlob { get; init; }
    public ReuseRelation? Relation { get; init; }
    public double? Score { get; init; }
    public int ArticleCount { get; init; } = 1;
    public DateTimeOffset LastSeen { get; init; }
}
