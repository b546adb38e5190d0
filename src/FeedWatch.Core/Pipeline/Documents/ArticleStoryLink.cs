using FeedWatch.Core.Stories;

namespace FeedWatch.Core.Pipeline.Documents;

/// <summary>An article's membership in a story, as recorded in the article document.</summary>
public sealed record ArticleStoryLink(string StoryId, double Score, ReuseRelation Relation, string? SourceArticleId, bool StartedStory);
