namespace FeedWatch.Core.Configuration;

/// <summary>A story to track, seeded from an article page (<see cref="Url"/>) or a text file (<see cref="TextFile"/>).</summary>
public sealed class TrackedStoryDefinition
{
    public string? Url { get; set; }
    public string? TextFile { get; set; }
    public string? Title { get; set; }
}
