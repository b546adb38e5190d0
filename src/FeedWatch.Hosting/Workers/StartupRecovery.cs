using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Pipeline.Tracking;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Hosting.Configuration;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Hosting.Workers;

/// <summary>
/// What the local host does once before the first tick: rebuild the story index from stories/*.json, make sure
/// the configured tracked stories exist, and re-enqueue alerts still undelivered in any outbox (a previous run
/// may have stopped between recording and delivering them).
/// </summary>
public sealed class StartupRecovery(
    StoryIndex index,
    StoryTracker tracker,
    ConfiguredFeedCatalog catalog,
    IBlobStore blobs,
    IQueueProvider queues,
    ILogger<StartupRecovery> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await index.EnsureFreshAsync(cancellationToken, force: true).ConfigureAwait(false);
        logger.LogInformation("Story index built with {StoryCount} stories", index.Count);

        foreach (var tracked in catalog.GetTracked())
        {
            try
            {
                var result = tracked.Url is not null
                    ? await tracker.TrackUrlAsync(new Uri(tracked.Url), tracked.Title, cancellationToken).ConfigureAwait(false)
                    : await tracker.TrackTextAsync(await File.ReadAllTextAsync(tracked.TextFile!, cancellationToken).ConfigureAwait(false), tracked.Title ?? Path.GetFileNameWithoutExtension(tracked.TextFile!), cancellationToken).ConfigureAwait(false);
                if (result.Created)
                {
                    logger.LogInformation("Tracking story {StoryId} \"{StoryTitle}\" from the feeds file", result.StoryId, result.Title);
                }
            }
            catch (Exception ex) when (ex is TrackingException or IOException or UriFormatException)
            {
                logger.LogError("Tracked story {Seed} could not be set up: {Error}", tracked.Url ?? tracked.TextFile, ex.Message);
            }
        }

        var pending = 0;
        await foreach (var info in blobs.ListAsync(BlobLayout.StoriesPrefix, cancellationToken).ConfigureAwait(false))
        {
            var story = await blobs.GetJsonAsync<StoryDocument>(info.Name, cancellationToken).ConfigureAwait(false);
            foreach (var entry in story?.Value.Outbox.Where(e => e.DeliveredAt is null) ?? [])
            {
                await queues.SendMessageAsync(QueueNames.DeliverAlert, new DeliverAlertMessage(entry.Alert.Id, story!.Value.Id), cancellationToken).ConfigureAwait(false);
                pending++;
            }
        }

        if (pending > 0)
        {
            logger.LogInformation("Re-enqueued {PendingAlerts} undelivered alerts from story outboxes", pending);
        }
    }
}
