using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Fetching;
using FeedWatch.Core.Pipeline.Identity;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Stories;
using FeedWatch.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Pipeline.Classification;

/// <summary>
/// Matches a stored article against the story index. The article joins its best matching story (and every
/// tracked story it matches, so a tracked story never misses an outlet to a look-alike discovered one) or starts
/// a new discovered story. Alerts recorded in story outboxes are then handed to deliver-alert, and finally the
/// article document records its stories; that last write marks the message done for redeliveries. Consolidation
/// merges the engine makes after the article joined are written to the story documents (see <see cref="StoryUpdater.MergeAsync"/>).
/// </summary>
public sealed class ClassifyArticleHandler(
    IBlobStore blobs,
    ArticleStore articles,
    StoryIndex index,
    StoryUpdater updater,
    IQueueProvider queues,
    PipelineOptions options,
    TimeProvider time,
    ILogger<ClassifyArticleHandler> logger) : IStageHandler<ClassifyArticleMessage>
{
    public async Task HandleAsync(ClassifyArticleMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var span = FeedWatchTracing.StartStage(FeedWatchTracing.Classify, FeedWatchTracing.ClassifySpan, message.TraceParent);
        span?.SetTag(TelemetryTags.ArticleId, message.ArticleId);
        var blobName = message.ArticleBlobName;
        var stored = await blobs.GetJsonAsync<ArticleDocument>(blobName, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            // An older message may name the blob differently than the index claim decided; the index is the truth.
            blobName = await articles.FindAsync(message.ArticleId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Article {message.ArticleId} ({message.ArticleBlobName}) is not stored.");
            stored = await blobs.GetJsonAsync<ArticleDocument>(blobName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Article {message.ArticleId} is indexed as {blobName} but not stored.");
        }

        var article = stored.Value;
        span?.SetTag(TelemetryTags.Outlet, article.Outlet);
        span?.SetTag(TelemetryTags.FeedId, article.FeedId);
        if (article.ClassifiedAt is not null)
        {
            span.SetOutcome("already_classified");
            logger.LogDebug("Article {ArticleId} already classified", article.Id);
            return;
        }

        var links = new List<ArticleStoryLink>();
        if (article.Text.Length >= options.MinClassifyTextLength)
        {
            await index.EnsureFreshAsync(cancellationToken).ConfigureAwait(false);
            var matches = index.Match(StoryUpdater.ToStoryArticle(article));
            foreach (var match in ChooseStories(matches))
            {
                var result = await updater.JoinAsync(match.StoryId, article, match, cancellationToken).ConfigureAwait(false);
                if (result is not null)
                {
                    links.Add(new ArticleStoryLink(match.StoryId, match.Score, match.Relation, match.SourceArticleId, false));
                    await EnqueueDeliveriesAsync(result, cancellationToken).ConfigureAwait(false);
                }
            }

            var classification = links.Count == 0 ? "new_story" : links.Any(l => index.IsTracked(l.StoryId)) ? "tracked_match" : "joined";
            if (links.Count == 0)
            {
                var started = await updater.StartAsync(StoryIds.Discovered(article.Id), article, tracked: false, title: null, cancellationToken).ConfigureAwait(false);
                links.Add(new ArticleStoryLink(started.StoryId, 1, ReuseRelation.Independent, null, started.Created));
                await EnqueueDeliveriesAsync(started, cancellationToken).ConfigureAwait(false);
            }

            FeedWatchMetrics.RecordClassification(classification);
            span?.SetTag(TelemetryTags.StoryId, links[0].StoryId);
            span.SetOutcome(classification);

            // Revisions the new arrivals justify (a small story found to be part of another). A merge whose documents
            // could not be written stays with the index and is written by the next classification.
            foreach (var merge in index.Consolidate())
            {
                var merged = await updater.MergeAsync(merge, cancellationToken).ConfigureAwait(false);
                index.MergeWritten(merge);
                if (merged is not null)
                {
                    await EnqueueDeliveriesAsync(merged, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        else
        {
            FeedWatchMetrics.RecordClassification("too_short");
            span.SetOutcome("too_short");
            logger.LogInformation("Article {ArticleId} has only {Length} characters of text; stored but not classified", article.Id, article.Text.Length);
        }

        await MarkClassifiedAsync(blobName, stored, links, cancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<StoryMatch> ChooseStories(IReadOnlyList<StoryMatch> matches)
    {
        if (matches.Count == 0)
        {
            yield break;
        }

        var best = matches.MaxBy(m => m.Score)!;
        yield return best;
        foreach (var match in matches)
        {
            if (!ReferenceEquals(match, best) && match.StoryId != best.StoryId && index.IsTracked(match.StoryId))
            {
                yield return match;
            }
        }
    }

    private async Task EnqueueDeliveriesAsync(StoryUpdateResult result, CancellationToken cancellationToken)
    {
        foreach (var alertId in result.PendingAlertIds)
        {
            FeedWatchMetrics.AlertsRaised.Add(1);
            await queues.SendMessageAsync(QueueNames.DeliverAlert, new DeliverAlertMessage(alertId, result.StoryId), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task MarkClassifiedAsync(string blobName, StoredDocument<ArticleDocument> stored, List<ArticleStoryLink> links, CancellationToken cancellationToken)
    {
        var current = stored;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var merged = current.Value.Stories.Concat(links).DistinctBy(l => l.StoryId).ToList();
            var updated = current.Value with { Stories = merged, ClassifiedAt = time.GetUtcNow() };
            var result = await blobs.PutJsonAsync(blobName, updated, createOnly: false, ifMatch: current.ETag, cancellationToken).ConfigureAwait(false);
            if (result.Written)
            {
                return;
            }

            current = await blobs.GetJsonAsync<ArticleDocument>(blobName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Article document {blobName} disappeared while being classified.");
        }

        throw new InvalidOperationException($"Article document {blobName} kept changing; classification will be retried.");
    }
}
