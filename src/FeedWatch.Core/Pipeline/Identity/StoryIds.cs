namespace FeedWatch.Core.Pipeline.Identity;

/// <summary>
/// Story ids derive from the article that started the story, so a redelivered classification or a repeated
/// `track add` of the same seed names the same story instead of creating a twin.
/// </summary>
public static class StoryIds
{
    public static string Discovered(string firstArticleId) => "story-" + ArticleIds.Short(firstArticleId);

    public static string Tracked(string seedArticleId) => "tracked-" + ArticleIds.Short(seedArticleId);
}
