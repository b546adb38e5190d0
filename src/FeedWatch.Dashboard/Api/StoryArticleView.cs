using FeedWatch.Core.Stories;

namespace FeedWatch.Dashboard.Api;

/// <summary>
/// One article of a story as the story page draws it: a timeline marker (outlet × time, shaped by relation) and a node
/// of the propagation tree (<see cref="SourceArticleId"/> is its most likely source; null for the origin and for
/// independent coverage).
/// </summary>
public sealed record StoryArticleView(
    string Id,
    string Outlet,
    string Title,
    string Url,
    DateTimeOffset Time,
    ReuseRelation Relation,
    double Score,
    string? SourceArticleId,
    bool StartedStory);
