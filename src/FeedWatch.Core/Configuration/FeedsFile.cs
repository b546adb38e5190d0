namespace FeedWatch.Core.Configuration;

/// <summary>The feeds file (JSON or YAML): the feeds to poll and the stories to track.</summary>
public sealed class FeedsFile
{
    public List<FeedDefinition> Feeds { get; set; } = [];
    public List<TrackedStoryDefinition> Tracked { get; set; } = [];

    /// <summary>
    /// Host name → IP address entries merged into FeedWatch:Http:HostMap, so a feeds file can carry the outlets it
    /// needs mapped (`feedwatch replay --feeds-out` writes one mapping every outlet to 127.0.0.1).
    /// </summary>
    public Dictionary<string, string> HostMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
