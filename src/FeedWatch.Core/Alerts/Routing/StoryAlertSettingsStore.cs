using System.Text.Json;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Serialization;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Alerts.Routing;

/// <summary>
/// Per-story alert settings edited by people (the dashboard), kept in settings/stories/{id}.json beside the configured
/// ones: a stored setting overrides "FeedWatch:Alerts:Stories:{id}", which overrides "FeedWatch:Alerts:Default".
/// </summary>
public sealed class StoryAlertSettingsStore(IBlobStore blobs, ILogger<StoryAlertSettingsStore>? logger = null)
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
        StoryAlertSettingsValidator.Validate(settings);

        var bytes = JsonSerializer.SerializeToUtf8Bytes(settings, FeedWatchJson.Indented);
        await blobs.PutAsync(BlobName(storyId), bytes, BlobPutOptions.Json(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, StoryAlertSettings>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, StoryAlertSettings>(StringComparer.Ordinal);
        await foreach (var info in blobs.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            var storyId = info.Name[Prefix.Length..^".json".Length];
            StoryAlertSettings? settings;
            try
            {
                settings = await GetAsync(storyId, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                logger?.LogError("Alert settings of story {StoryId} ignored: not valid JSON ({Error})", storyId, ex.Message);
                continue;
            }

            if (settings is null)
            {
                continue;
            }

            // Stored by an older version, or edited by hand: a bad setting is ignored for its story only.
            if (StoryAlertSettingsValidator.Problems(settings) is { Count: > 0 } problems)
            {
                logger?.LogError("Alert settings of story {StoryId} ignored (the configured ones apply): {Problems}", storyId, string.Join(" ", problems));
                continue;
            }

            all[storyId] = settings;
        }

        return all;
    }
}
