using FeedWatch.Core.Stories;

namespace FeedWatch.Core.Pipeline.Classification;

/// <summary>What the index remembers of a loaded story: the version, and (for tracked stories) the profile to restore after expiry.</summary>
internal sealed record StoryIndexEntry(string ETag, bool Tracked, string Title, StoryProfile? TrackedProfile);
