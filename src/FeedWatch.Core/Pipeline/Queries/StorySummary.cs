using FeedWatch.Core.Pipeline.Documents;

namespace FeedWatch.Core.Pipeline.Queries;

/// <summary>
/// A story as `feedwatch stories` shows it: no profile, just what a reader wants to know. <see cref="Follows"/> is the
/// earlier story of the same saga this one continues (a later development), or null.
/// </summary>
public sealed record StorySummary(
    string Id,
    string Title,
    bool Tracked,
    int ArticleCount,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    string? OriginOutlet,
    IReadOnlyList<StoryOutlet> Outlets,
    int AlertCount,
    int PendingAlerts,
    string? Follows = null)
{
    public static StorySummary From(StoryDocument story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new StorySummary(
            story.Id, story.Title, story.Tracked, story.ArticleCount, story.FirstSeen, story.LastSeen, story.OriginOutlet,
            story.Outlets, story.Outbox.Count, story.Outbox.Count(e => e.DeliveredAt is null), story.Profile.Follows);
    }
}
