using System.Text.Json;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Core.Alerts.Routing;

/// <summary>
/// Per-story alert settings edited by people (the dashboard), kept in settings/stories/{id}.json beside the configured
/// ones: a stored setting overrides "FeedWatch:Alerts:Stories:{id}", which overrides "FeedWatch:Alerts:Default".
/// </summary>
public sealed class StoryAlertSettingsStore(IBlobStore blobs)
{
    public const string Prefix = "settings/stories/";

    public static string BlobName(string storyId) => Prefix + storyId + ".json";

    public async Task<StoryAlertSettings?> GetAsync(string storyId, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.GetAsync(BlobName(storyId), cancellationToken).ConfigureAwait(false);
        return blob is null ? null : JsonSerializer.Deserialize<StoryAlertSettings>(blob.Content.Span, FeedWatchJson.Options);
    }

    /// <summary>Replaces the story's stored settings after validating them (last writer wins: these are edited by hand).</summary>
    public async Task SaveAsync(string storyId, StoryAlertSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RateLimit?.Validate();
        if (settings.DigestPeriod is { } period && period <= TimeSpan.Zero)
        {
            throw new ArgumentException("DigestPeriod must be a positive duration such as 01:00:00.");
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(settings, FeedWatchJson.Indented);
        await blobs.PutAsync(BlobName(storyId), bytes, BlobPutOptions.Json(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, StoryAlertSettings>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, StoryAlertSettings>(StringComparer.Ordinal);
        await foreach (var info in blobs.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            var storyId = info.Name[Prefix.Length..^".json".Length];
            if (await GetAsync(storyId, cancellationToken).ConfigureAwait(false) is { } settings)
            {
                all[storyId] = settings;
            }
        }

        return all;
    }
}
