namespace FeedWatch.Core.Pipeline.Classification;

/// <summary>What the index remembers of a loaded story: the version, and whether it raises alerts.</summary>
internal sealed record StoryIndexEntry(string ETag, bool Tracked, string Title);
