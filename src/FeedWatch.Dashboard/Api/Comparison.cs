using FeedWatch.Core.Stories;

namespace FeedWatch.Dashboard.Api;

/// <summary>Two articles side by side with the passages they share, and how the first relates to its story.</summary>
public sealed record Comparison(
    ComparedArticle Article,
    ComparedArticle Source,
    int PassageCount,
    ReuseRelation? Relation,
    double? Score,
    string? StoryId);
