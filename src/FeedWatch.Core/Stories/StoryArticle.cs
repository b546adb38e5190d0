namespace FeedWatch.Core.Stories;

/// <summary>What the story engine sees of an article. <see cref="Outlet"/> is the registrable-domain outlet key.</summary>
public sealed record StoryArticle(
    string Id,
    string Outlet,
    string? Url,
    DateTimeOffset? Published,
    string Title,
    string Text);
