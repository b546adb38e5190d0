namespace FeedWatch.Dashboard.Api;

/// <summary>An alert of the story's history: which outlet it announced and whether it reached its sinks.</summary>
public sealed record StoryAlertView(
    string Id,
    string Outlet,
    string ArticleId,
    DateTimeOffset RecordedAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<string> DeliveredTo,
    string? LastError);
