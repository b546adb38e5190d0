namespace FeedWatch.Core.Stories;

/// <summary>
/// What the story engine sees of an article. <see cref="Outlet"/> is the registrable-domain outlet key; <see cref="Lang"/>
/// the article's language tag when the feed or page gave one (else the analyzer detects it from the script).
/// </summary>
public sealed record StoryArticle(
    string Id,
    string Outlet,
    string? Url,
    DateTimeOffset? Published,
    string Title,
    string Text,
    string? Lang = null);
