namespace FeedWatch.Dashboard.Api;

/// <summary>A row of the stories list. <see cref="Sparkline"/> is the cumulative outlet count per time bucket.</summary>
public sealed record StoryListItem(
    string Id,
    string Title,
    bool Tracked,
    int OutletCount,
    int ArticleCount,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    string? OriginOutlet,
    IReadOnlyList<int> Sparkline);
