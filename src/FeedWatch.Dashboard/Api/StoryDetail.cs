using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Pipeline.Documents;

namespace FeedWatch.Dashboard.Api;

/// <summary>
/// Everything the story page shows: outlets, the articles behind the timeline and tree, alerts and alert settings, and the
/// earlier story of the same saga it continues (<see cref="Follows"/>, null when none).
/// </summary>
public sealed record StoryDetail(
    string Id,
    string Title,
    bool Tracked,
    string? OriginOutlet,
    string? OriginArticleId,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    int ArticleCount,
    IReadOnlyList<StoryOutlet> Outlets,
    IReadOnlyList<StoryArticleView> Articles,
    IReadOnlyList<StoryAlertView> Alerts,
    StoryAlertSettings Alerting,
    string? Follows = null);
