namespace FeedWatch.Core.Alerts.Routing;

/// <summary>Story settings from <see cref="AlertRoutingOptions"/>: "Stories:{id}" over "Default".</summary>
public sealed class ConfiguredStoryAlertSettings(AlertRoutingOptions options) : IStoryAlertSettingsProvider
{
    public StoryAlertSettings For(string storyId) =>
        options.Stories.TryGetValue(storyId, out var own) ? own.Over(options.Default) : options.Default;
}
