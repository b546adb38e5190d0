namespace FeedWatch.Core.Configuration;

/// <summary>The feeds file (JSON or YAML): the feeds to poll and the stories to track.</summary>
public sealed class FeedsFile
{
    public List<FeedDefinition> Feeds { get; set; } = [];
    public List<TrackedStoryDefinition> Tracked { get; set; } = [];
}
