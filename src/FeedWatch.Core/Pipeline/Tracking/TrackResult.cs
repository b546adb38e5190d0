namespace FeedWatch.Core.Pipeline.Tracking;

/// <summary>The tracked story a seed created (or already had: <see cref="Created"/> false).</summary>
public sealed record TrackResult(string StoryId, string Title, string SeedArticleId, string SeedArticleBlob, string Outlet, bool Created);
