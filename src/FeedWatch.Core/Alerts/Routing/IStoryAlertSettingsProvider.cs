namespace FeedWatch.Core.Alerts.Routing;

/// <summary>Resolves the effective alert settings of a story (its own over the defaults).</summary>
public interface IStoryAlertSettingsProvider
{
    StoryAlertSettings For(string storyId);
}
