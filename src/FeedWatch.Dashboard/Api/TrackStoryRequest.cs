namespace FeedWatch.Dashboard.Api;

/// <summary>POST /api/stories: track a story from a seed article page (<see cref="Url"/>) or pasted text.</summary>
public sealed record TrackStoryRequest(string? Url, string? Text, string? Title);
