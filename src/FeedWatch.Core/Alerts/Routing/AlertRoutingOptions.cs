namespace FeedWatch.Core.Alerts.Routing;

/// <summary>
/// The routing part of the "FeedWatch:Alerts" configuration section: the default route and per-story overrides keyed by story id.
/// Sink definitions themselves (URLs, secrets, connection strings) live beside it under "Sinks" and are read by FeedWatch.Alerts.
/// </summary>
public sealed class AlertRoutingOptions
{
    public const string SectionName = "FeedWatch:Alerts";

    public StoryAlertSettings Default { get; set; } = new();

    public IDictionary<string, StoryAlertSettings> Stories { get; init; } = new Dictionary<string, StoryAlertSettings>(StringComparer.Ordinal);
}
