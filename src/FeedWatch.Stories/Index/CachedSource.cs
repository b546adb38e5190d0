namespace FeedWatch.Stories.Index;

/// <summary>A representative's text and exact shingles, kept while it is recent enough to be in the source cache.</summary>
internal sealed record CachedSource(StoryArticle Article, ulong[] Shingles, ulong[] Spots);
