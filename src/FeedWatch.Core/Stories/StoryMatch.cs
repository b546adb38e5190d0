namespace FeedWatch.Core.Stories;

/// <summary>An article matched to a story: how strongly, how it reused it, and from which earlier article.</summary>
public sealed record StoryMatch(
    string StoryId,
    double Score,
    ReuseRelation Relation,
    string? SourceArticleId,
    IReadOnlyList<MatchedPassage> Passages);
