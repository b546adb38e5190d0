using FeedWatch.Core.Pipeline.Fetching.Politeness;
using FeedWatch.Core.Pipeline.Identity;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Pipeline.Fetching;

/// <summary>
/// Fetches a feed item's page, extracts the article, stores it once (document + gzip raw page) and hands it to
/// classify. A page already stored is not fetched again; if it was never classified, classify is asked again.
/// Transient fetch failures throw (the queue retries, then poisons); permanent ones are logged and dropped.
/// With a <see cref="CrawlDelayGate"/> (the default composition has one) a host fetched too recently for its
/// robots.txt Crawl-delay is not slept on: the message goes back on the queue, invisible until its reserved slot.
/// </summary>
public sealed class FetchArticleHandler(
    ArticleFetcher articleFetcher,
    ArticleStore store,
    IQueueProvider queues,
    ILogger<FetchArticleHandler> logger,
    CrawlDelayGate? crawlDelay = null) : IStageHandler<FetchArticleMessage>
{
    /// <summary>A message deferred this often is fetched anyway (logged): politeness must not become starvation.</summary>
    public const int MaxDeferrals = 20;

    public async Task HandleAsync(FetchArticleMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var span = FeedWatchTracing.StartStage(FeedWatchTracing.FetchArticle, FeedWatchTracing.FetchArticleSpan, message.TraceParent);
        span?.SetTag(TelemetryTags.FeedId, message.FeedId);
        span?.SetTag(TelemetryTags.Url, message.Url);
        if (!Uri.TryCreate(message.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            Skipped(span, "not_fetchable");
            logger.LogWarning("Feed {FeedId} item {ItemId} has no fetchable URL '{Url}'; skipped", message.FeedId, message.ItemId, message.Url);
            return;
        }

        if (!message.IsUpdate && await IsKnownAsync(ArticleIds.ForUrl(url), cancellationToken).ConfigureAwait(false))
        {
            Skipped(span, "known");
            return;
        }

        if (await DeferForCrawlDelayAsync(message, url, cancellationToken).ConfigureAwait(false))
        {
            Skipped(span, "deferred");
            return;
        }

        var fetched = await articleFetcher.FetchAsync(url, message.FeedId, message, cancellationToken).ConfigureAwait(false);
        if (fetched.Document is null)
        {
            if (fetched.IsTransientFailure)
            {
                FeedWatchMetrics.RecordFetched("transient");
                span.SetOutcome("transient", failed: true);
                throw new TransientFetchException($"Fetching {url} failed ({fetched.DescribeFailure()}); will retry.");
            }

            FeedWatchMetrics.RecordFetched("failed");
            Skipped(span, "fetch_failed");
            span?.SetTag("error.type", fetched.DescribeFailure());
            logger.LogWarning("Article {Url} from feed {FeedId} not stored: {Failure}", url, message.FeedId, fetched.DescribeFailure());
            return;
        }

        FeedWatchMetrics.RecordFetched("ok");
        span?.SetTag(TelemetryTags.ArticleId, fetched.Document.Id);
        span?.SetTag(TelemetryTags.Outlet, fetched.Document.Outlet);

        // The page may declare a canonical URL that an earlier fetch already stored under its own id.
        if (fetched.Document.Id != ArticleIds.ForUrl(url) && await IsKnownAsync(fetched.Document.Id, cancellationToken).ConfigureAwait(false))
        {
            Skipped(span, "known");
            return;
        }

        var stored = await store.StoreAsync(fetched.Document, fetched.RawPage, fetched.ContentType, fetched.AliasIds, cancellationToken).ConfigureAwait(false);
        FeedWatchMetrics.ArticlesStored.Add(1);
        span.SetOutcome("stored");
        await queues.SendMessageAsync(QueueNames.ClassifyArticle, new ClassifyArticleMessage(stored.ArticleId, stored.BlobName), cancellationToken).ConfigureAwait(false);
    }

    private static void Skipped(System.Diagnostics.Activity? span, string reason)
    {
        FeedWatchMetrics.RecordSkipped(reason);
        span.SetOutcome(reason);
    }

    /// <summary>True when the message was put back on the queue to wait for its host's next crawl slot.</summary>
    private async Task<bool> DeferForCrawlDelayAsync(FetchArticleMessage message, Uri url, CancellationToken cancellationToken)
    {
        if (crawlDelay is null)
        {
            return false;
        }

        var slot = await crawlDelay.ReserveAsync(url, message.CrawlSlot, cancellationToken).ConfigureAwait(false);
        if (slot.IsNow)
        {
            return false;
        }

        if (message.Deferrals >= MaxDeferrals)
        {
            logger.LogWarning("Article {Url} deferred {Deferrals} times for the crawl delay of {Host}; fetching it now", url, message.Deferrals, url.Host);
            return false;
        }

        var deferred = message with { CrawlSlot = slot.ReservedAt, Deferrals = message.Deferrals + 1 };
        await queues.SendMessageAsync(QueueNames.FetchArticle, deferred, slot.Wait, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Article {Url} deferred {Wait} for the crawl delay of {Host}", url, slot.Wait, url.Host);
        return true;
    }

    /// <summary>True when the article is stored and classified: nothing left to do. Re-asks classify when it was stored only.</summary>
    private async Task<bool> IsKnownAsync(string articleId, CancellationToken cancellationToken)
    {
        // Null also when the id was claimed but the document write never happened: storing again repairs it.
        var existing = await store.GetAsync(articleId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return false;
        }

        var blobName = await store.FindAsync(articleId, cancellationToken).ConfigureAwait(false) ?? "";

        if (existing.Value.ClassifiedAt is null)
        {
            await queues.SendMessageAsync(QueueNames.ClassifyArticle, new ClassifyArticleMessage(existing.Value.Id, blobName), cancellationToken).ConfigureAwait(false);
        }

        logger.LogDebug("Article {ArticleId} already stored as {BlobName}", articleId, blobName);
        return true;
    }
}
