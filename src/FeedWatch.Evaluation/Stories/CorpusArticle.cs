namespace FeedWatch.Evaluation.Stories;

/// <summary>One line of a story corpus (../shared/README.md). <see cref="Story"/> is the gold label: only scorers read it.</summary>
public sealed record CorpusArticle(
    string Id,
    string? Story,
    string Outlet,
    string? Url,
    DateTimeOffset? Published,
    string? Title,
    string? Text,
    string? Lang)
{
    public StoryArticle ToStoryArticle() => new(Id, Outlet, Url, Published, Title ?? "", Text ?? "", Lang);
}
