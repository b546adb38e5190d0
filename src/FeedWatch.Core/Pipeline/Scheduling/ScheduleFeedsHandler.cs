using FeedWatch.Core.Configuration;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Identity;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Pipeline.Scheduling;

/// <summary>
/// The timer stage. For each feed in the catalog it keeps feeds/{id}.json in step with the definition and, when
/// the feed is due, enqueues a poll. The poll is enqueued BEFORE the state records the tick: a crash in between
/// gives at worst a duplicate poll, which poll-feed recognises by <see cref="PollFeedMessage.DueAt"/>.
/// </summary>
public sealed class ScheduleFeedsHandler(
    IFeedCatalog catalog,
    IBlobStore blobs,
    IQueueProvider queues,
    PipelineOptions options,
    TimeProvider time,
    ILogger<ScheduleFeedsHandler> logger) : IFeedScheduler
{
    private readonly PipelineOptions _options = options;

    public async Task<int> ScheduleDueFeedsAsync(CancellationToken cancellationToken = default)
    {
        using var span = FeedWatchTracing.StartStage(FeedWatchTracing.Schedule, FeedWatchTracing.ScheduleSpan, traceParent: null);
        var feeds = await catalog.GetFeedsAsync(cancellationToken).ConfigureAwait(false);
        var enqueued = 0;
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feed in feeds)
        {
            if (!TryDescribe(feed, out var feedId, out var interval, out var configured))
            {
                continue;
            }

            if (!seenIds.Add(feedId))
            {
                logger.LogWarning("Feed {FeedId} ({FeedUrl}) is listed twice; polling it once", feedId, feed.Url);
                continue;
            }

            if (await ScheduleOneAsync(feed, feedId, interval, configured, cancellationToken).ConfigureAwait(false))
            {
                enqueued++;
            }
        }

        span?.SetTag("feedwatch.feeds", seenIds.Count);
        span?.SetTag("feedwatch.polls.enqueued", enqueued);
        span.SetOutcome(enqueued > 0 ? "enqueued" : "idle");
        logger.LogDebug("Schedule tick: {FeedCount} feeds, {Enqueued} polls enqueued", seenIds.Count, enqueued);
        return enqueued;
    }

    private bool TryDescribe(FeedDefinition feed, out string feedId, out TimeSpan interval, out bool configured)
    {
        feedId = "";
        configured = false;
        interval = _options.DefaultPollInterval;
        if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            logger.LogWarning("Skipping feed {FeedName}: '{FeedUrl}' is not an absolute http(s) URL", feed.Name ?? feed.Id, feed.Url);
            return false;
        }

        if (feed.Id is not null && !FeedIds.IsValid(feed.Id))
        {
            logger.LogWarning("Skipping feed {FeedUrl}: id '{FeedId}' may only hold letters, digits, '-', '_' and '.'", feed.Url, feed.Id);
            return false;
        }

        if (feed.PollInterval is not null && !Durations.TryParse(feed.PollInterval, out interval))
        {
            logger.LogWarning("Feed {FeedUrl}: poll interval '{PollInterval}' is not a duration; using {DefaultInterval}", feed.Url, feed.PollInterval, _options.DefaultPollInterval);
            interval = _options.DefaultPollInterval;
        }
        else
        {
            configured = feed.PollInterval is not null;
        }

        if (interval < _options.MinPollInterval)
        {
            interval = _options.MinPollInterval;
        }

        feedId = feed.Id ?? FeedIds.ForUrl(feed.Url);
        return true;
    }

    private async Task<bool> ScheduleOneAsync(FeedDefinition feed, string feedId, TimeSpan interval, bool configured, CancellationToken cancellationToken)
    {
        var name = BlobLayout.Feed(feedId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = time.GetUtcNow();
            var stored = await blobs.GetJsonAsync<FeedState>(name, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                // A new feed: its state must exist before a poll for it can be enqueued (poll-feed reads it).
                var initial = new FeedState { FeedId = feedId, Url = feed.Url, Name = feed.Name, PollInterval = interval, IntervalConfigured = configured, Adaptive = IsAdaptive(feed, configured) };
                await blobs.PutJsonAsync(name, initial, createOnly: true, ifMatch: null, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("New feed {FeedId}: {FeedUrl}", feedId, feed.Url);
                continue;
            }

            var state = stored.Value;
            var updated = Reconcile(state, feed, interval, configured);
            var due = updated.NextPollAt ?? now;
            var isDue = due <= now;
            if (isDue)
            {
                // Provisional next time; poll-feed sets the real one (with back-off) when it finishes.
                updated = updated with { ScheduledDueAt = due, NextPollAt = now + interval };
                await queues.SendMessageAsync(QueueNames.PollFeed, new PollFeedMessage(feedId, due), cancellationToken).ConfigureAwait(false);
            }

            if (updated == state)
            {
                return false;
            }

            var result = await blobs.PutJsonAsync(name, updated, createOnly: false, ifMatch: stored.ETag, cancellationToken).ConfigureAwait(false);
            if (result.Written)
            {
                if (isDue)
                {
                    logger.LogInformation("Scheduled poll of {FeedId} ({FeedUrl}) due {DueAt}", feedId, updated.Url, due);
                }

                return isDue;
            }

            // Another scheduler or the poll stage changed the state between our read and write: look again.
            logger.LogDebug("Feed state {FeedId} changed concurrently; retrying schedule", feedId);
        }

        logger.LogWarning("Could not update feed state {FeedId} after 5 attempts; will try on the next tick", feedId);
        return false;
    }

    /// <summary>An explicit pollInterval is a fixed promise unless the feed also says adaptive: true (then it is the floor).</summary>
    private static bool IsAdaptive(FeedDefinition feed, bool configured) => feed.Adaptive ?? !configured;

    private static FeedState Reconcile(FeedState state, FeedDefinition feed, TimeSpan interval, bool configured)
    {
        var urlChanged = !string.Equals(state.Url, feed.Url, StringComparison.Ordinal);
        var adaptive = IsAdaptive(feed, configured);

        // A feed stopped by 410 Gone stays stopped until its entry is edited (new URL, interval or adaptive switch).
        var revived = state.NextPollAt == DateTimeOffset.MaxValue && (state.PollInterval != interval || state.Adaptive != adaptive || state.IntervalConfigured != configured);
        return state with
        {
            Url = feed.Url,
            Name = feed.Name,
            PollInterval = interval,
            IntervalConfigured = configured,
            Adaptive = adaptive,

            // A new URL is a new resource: its validators and redirect no longer apply.
            ETag = urlChanged ? null : state.ETag,
            LastModified = urlChanged ? null : state.LastModified,
            PermanentRedirectUrl = urlChanged ? null : state.PermanentRedirectUrl,
            NextPollAt = urlChanged || revived ? null : state.NextPollAt,
            TimeToLiveMinutes = urlChanged ? null : state.TimeToLiveMinutes,
            RecentItemDates = urlChanged ? [] : state.RecentItemDates,
        };
    }
}
