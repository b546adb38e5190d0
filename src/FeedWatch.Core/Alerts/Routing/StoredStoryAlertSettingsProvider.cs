namespace FeedWatch.Core.Alerts.Routing;

/// <summary>
/// Story alert settings with the stored (dashboard-edited) ones over the configured ones. Delivery asks synchronously,
/// so it reads an in-memory snapshot that <see cref="RefreshAsync"/> replaces (periodically, and right after an edit).
/// </summary>
public sealed class StoredStoryAlertSettingsProvider(AlertRoutingOptions routing, StoryAlertSettingsStore store) : IStoryAlertSettingsProvider
{
    private readonly ConfiguredStoryAlertSettings configured = new(routing);
    private volatile IReadOnlyDictionary<string, StoryAlertSettings> stored = new Dictionary<string, StoryAlertSettings>();

    public StoryAlertSettings For(string storyId)
    {
        var fallback = configured.For(storyId);
        return stored.TryGetValue(storyId, out var own) ? own.Over(fallback) : fallback;
    }

    public async Task RefreshAsync(CancellationToken cancellationToken = default) =>
        stored = await store.LoadAllAsync(cancellationToken).ConfigureAwait(false);
}
