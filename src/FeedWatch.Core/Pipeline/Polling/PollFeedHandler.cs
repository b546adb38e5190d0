using System.Diagnostics;
using FeedWatch.Core.Feeds;
using FeedWatch.Core.Feeds.Dedup;
using FeedWatch.Core.Feeds.Polling;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Identity;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Pipeline.Polling;

/// <summary>
/// Polls one feed with a conditional GET, hands every item it has not seen before to fetch-article and records
/// the validators and seen items in feeds/{id}.json. Fetch and parse failures are the feed's problem, not the
/// message's: they are recorded with a back-off and the message completes (no retry storm against a broken feed).
/// </summary>
public sealed class PollFeedHandler(
    IBlobStore blobs,
    IQueueProvider queues,
    IHttpFetcher fetcher,
    IFeedParser parser,
    PipelineOptions options,
    TimeProvider time,
    ILogger<PollFeedHandler> logger) : IStageHandler<PollFeedMessage>
{
    private const string FeedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    private readonly PipelineOptions _options = options;

    public async Task HandleAsync(PollFeedMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var span = StartSpan(message);
        var name = BlobLayout.Feed(message.FeedId);
        var stored = await blobs.GetJsonAsync<FeedState>(name, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            span.SetOutcome("unknown_feed");
            logger.LogWarning("Poll for unknown feed {FeedId} ignored (removed from the catalog?)", message.FeedId);
            return;
        }

        if (stored.Value.LastPolledDueAt >= message.DueAt)
        {
            span.SetOutcome("duplicate");
            logger.LogDebug("Duplicate poll of {FeedId} for {DueAt} ignored", message.FeedId, message.DueAt);
            return;
        }

        var state = stored.Value;
        var url = new Uri(state.PermanentRedirectUrl ?? state.Url);
        var request = new FetchRequest(url) { IfNoneMatch = state.ETag, IfModifiedSince = state.LastModified, Accept = FeedAccept };
        var response = await fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);
        var outcome = response switch
        {
            { IsNotModified: true } => PollOutcome.NotModified(),
            { IsSuccess: true } => await HandleFeedAsync(state, response, cancellationToken).ConfigureAwait(false),
            _ => PollOutcome.Failed(Describe(response)),
        };

        await SaveAsync(name, stored, s => Apply(s, message, response, outcome), cancellationToken).ConfigureAwait(false);
        RecordTelemetry(span, url, response, outcome);
        if (outcome.Error is null)
        {
            logger.LogInformation(
                "Polled {FeedId}: status {Status}, {ItemCount} items, {NewItems} new",
                message.FeedId, response.StatusCode, outcome.ItemCount, outcome.NewKeys.Count);
        }
        else
        {
            logger.LogWarning("Poll of {FeedId} ({FeedUrl}) failed: {Error}", message.FeedId, url, outcome.Error);
        }
    }

    /// <summary>
    /// A poll starts a new trace (the one its articles and alerts continue), linked to the schedule tick that enqueued
    /// it: one tick can enqueue thousands of polls, and one article's path should be one readable trace.
    /// </summary>
    private static Activity? StartSpan(PollFeedMessage message)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            var links = message.TraceParent is { } parent && ActivityContext.TryParse(parent, null, isRemote: true, out var tick)
                ? new[] { new ActivityLink(tick) }
                : null;
            var span = FeedWatchTracing.PollFeed.StartActivity(FeedWatchTracing.PollFeedSpan, ActivityKind.Consumer, parentContext: default, links: links);
            span?.SetTag(TelemetryTags.FeedId, message.FeedId);
            return span;
        }
        finally
        {
            if (Activity.Current is null)
            {
                Activity.Current = previous;
            }
        }
    }

    private static void RecordTelemetry(Activity? span, Uri url, FetchResponse response, PollOutcome outcome)
    {
        var result = response switch
        {
            { IsNotModified: true } => "304",
            { StatusCode: 410 } => "gone",
            { StatusCode: 429 or 503 } => "backoff",
            _ when outcome.Error is not null => "error",
            _ => "200",
        };
        FeedWatchMetrics.RecordPoll(result);
        FeedWatchMetrics.ItemsSeen.Add(outcome.ItemCount);
        FeedWatchMetrics.ItemsNew.Add(outcome.NewKeys.Count);
        if (span is null)
        {
            return;
        }

        span.SetTag(TelemetryTags.Url, url.AbsoluteUri);
        span.SetTag("http.response.status_code", response.StatusCode);
        span.SetTag("feedwatch.items", outcome.ItemCount);
        span.SetTag("feedwatch.items.new", outcome.NewKeys.Count);
        span.SetOutcome(result, failed: outcome.Error is not null);
        if (outcome.Error is not null)
        {
            span.SetTag("error.type", outcome.Error);
        }
    }

    private async Task<PollOutcome> HandleFeedAsync(FeedState state, FetchResponse response, CancellationToken cancellationToken)
    {
        ParsedFeed feed;
        try
        {
            feed = parser.Parse(response.Body, response.FinalUrl, response.ContentType);
        }
        catch (FeedParseException ex)
        {
            return PollOutcome.Failed("not a feed: " + ex.Message);
        }

        if (!feed.WellFormed)
        {
            logger.LogInformation("Feed {FeedId} is not well-formed ({Problems}); using what was recovered", state.FeedId, string.Join("; ", feed.Problems.Take(3)));
        }

        // Known items are recognised by guid/id, then canonical link, then content hash; an edited item is an update, not news.
        var classified = Deduplicator.Classify(feed.Items, state.SeenItems.Select(ItemFingerprint.Parse));
        // Once the bounded set has forgotten items, the high-water mark stands in for it: an item dated well before the
        // newest date already seen was in an earlier poll (handed on or skipped), so it never becomes new again.
        var forgetting = state.SeenItems.Count >= _options.MaxSeenItemsPerFeed && state.HighWaterMark is not null;
        var oldest = forgetting ? state.HighWaterMark!.Value - _options.HighWaterGrace : DateTimeOffset.MinValue;
        var fresh = new List<(string Key, FeedItem Item, Uri Link)>();
        var belowMark = 0;
        foreach (var c in classified)
        {
            if (c.Change != ItemChange.New || !Uri.TryCreate(c.Item.Link, UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttp && link.Scheme != Uri.UriSchemeHttps))
            {
                continue; // known, or an item without a page: nothing to fetch
            }

            if ((c.Item.Published ?? c.Item.Updated) is { } date && date < oldest)
            {
                belowMark++;
                continue;
            }

            fresh.Add((c.Fingerprint.ToStorageString(), c.Item, link));
        }

        var updatedKeys = classified.Where(c => c.Change == ItemChange.Updated).Select(c => c.Fingerprint.ToStorageString()).ToList();
        if (updatedKeys.Count > 0)
        {
            logger.LogInformation("Feed {FeedId}: {UpdatedItems} known items changed (updates, not new articles)", state.FeedId, updatedKeys.Count);
        }

        if (belowMark > 0)
        {
            logger.LogInformation("Feed {FeedId}: {OldItems} items dated before the feed's high-water mark {HighWaterMark} are not new", state.FeedId, belowMark, state.HighWaterMark);
        }

        // A feed cannot make one poll fetch more than MaxNewItemsPerPoll pages: the newest are handed on, the rest skipped.
        var (taken, skipped) = NewestFirst(fresh, _options.MaxNewItemsPerPoll);
        if (skipped.Count > 0)
        {
            logger.LogWarning(
                "Feed {FeedId} listed {NewItems} new items; the newest {MaxNewItems} are fetched and {SkippedItems} are skipped (FeedWatch:Pipeline:MaxNewItemsPerPoll)",
                state.FeedId, fresh.Count, taken.Count, skipped.Count);
        }

        // Feeds list newest first; hand items on oldest first so stories grow in publication order.
        taken.Reverse();
        foreach (var (_, item, link) in taken)
        {
            var fetch = new FetchArticleMessage(state.FeedId, link.AbsoluteUri, item.Id, item.Title, item.Summary, item.Published ?? item.Updated);
            await queues.SendMessageAsync(QueueNames.FetchArticle, fetch, cancellationToken).ConfigureAwait(false);
        }

        var dates = feed.Items.Select(i => i.Published ?? i.Updated).OfType<DateTimeOffset>().ToList();
        return new PollOutcome(null, feed.Items.Count, taken.Select(f => f.Key).ToList(), feed.Title, feed.TimeToLiveMinutes)
        {
            UpdatedKeys = updatedKeys,
            SkippedKeys = skipped.Select(f => f.Key).ToList(), // items below the mark stay covered by it, not by the set
            SkippedCount = skipped.Count,
            ItemDates = dates,
        };
    }

    /// <summary>The newest <paramref name="limit"/> items (by date when every item has one, else in feed order, which is newest first) and the rest.</summary>
    private static (List<(string Key, FeedItem Item, Uri Link)> Taken, List<(string Key, FeedItem Item, Uri Link)> Skipped) NewestFirst(
        List<(string Key, FeedItem Item, Uri Link)> fresh, int limit)
    {
        if (limit <= 0 || fresh.Count <= limit)
        {
            return (fresh, []);
        }

        var ordered = fresh.All(f => (f.Item.Published ?? f.Item.Updated) is not null)
            ? fresh.OrderByDescending(f => f.Item.Published ?? f.Item.Updated).ToList()
            : fresh;
        var taken = ordered.Take(limit).ToList();
        var takenKeys = taken.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        // Keep the feed's own order among the taken items, so the hand-over order stays as before.
        // Skipped items oldest first: when the seen set is trimmed, the newest skipped ones are remembered longest.
        return (fresh.Where(f => takenKeys.Contains(f.Key)).ToList(), ordered.Skip(limit).Reverse().ToList());
    }

    private FeedState Apply(FeedState state, PollFeedMessage message, FetchResponse response, PollOutcome outcome)
    {
        var now = time.GetUtcNow();
        var polled = state with { LastPolledAt = now, LastPolledDueAt = message.DueAt, LastStatus = response.StatusCode };
        // A 304 carries no document: the feed's <ttl> and item dates are those remembered from the last 200.
        var parsed = outcome.Error is null && !response.IsNotModified;
        var timeToLive = parsed ? outcome.TimeToLiveMinutes : state.TimeToLiveMinutes;
        var recentDates = parsed ? RecentDates(state.RecentItemDates, outcome.ItemDates) : state.RecentItemDates;
        var decision = PollingPolicyFor(state).Decide(new PollObservation
        {
            Now = now,
            FeedKey = state.FeedId,
            StatusCode = response.StatusCode,
            Failed = outcome.Error is not null,
            PreviousConsecutiveFailures = state.ConsecutiveFailures,
            ConfiguredInterval = state.IntervalConfigured ? state.PollInterval : null,
            Adaptive = state.Adaptive,
            TimeToLiveMinutes = timeToLive,
            RetryAfter = response.RetryAfter,
            MaxAge = response.MaxAge,
            Expires = response.Expires,
            ItemDates = recentDates,
        });
        logger.LogDebug("Next poll of {FeedId} at {NextPollAt}: {Reason}", state.FeedId, decision.NextPollAt, decision.Reason);
        if (decision.StopPolling)
        {
            // 410 Gone: never due again until the feed's definition changes (the scheduler then resets NextPollAt).
            logger.LogWarning("Feed {FeedId} is gone (410); polling stopped", state.FeedId);
            return polled with { ConsecutiveFailures = decision.ConsecutiveFailures, LastError = decision.Reason, NextPollAt = DateTimeOffset.MaxValue };
        }

        if (outcome.Error is not null)
        {
            return polled with { ConsecutiveFailures = decision.ConsecutiveFailures, LastError = outcome.Error, NextPollAt = decision.NextPollAt };
        }

        var movedTo = response.PermanentlyRedirected && response.FinalUrl.AbsoluteUri != (state.PermanentRedirectUrl ?? state.Url) ? response.FinalUrl.AbsoluteUri : null;
        if (movedTo is not null)
        {
            logger.LogWarning("Feed {FeedId} moved permanently from {FeedUrl} to {NewUrl}; polling the new URL from now on (until the feed's URL is edited)", state.FeedId, state.PermanentRedirectUrl ?? state.Url, movedTo);
        }

        // Skipped items first, so the items really handed on are the last to be forgotten.
        var seenItems = state.SeenItems.Concat(outcome.SkippedKeys).Concat(outcome.UpdatedKeys).Concat(outcome.NewKeys).Distinct(StringComparer.Ordinal).ToList();
        if (seenItems.Count > _options.MaxSeenItemsPerFeed)
        {
            seenItems = seenItems.Skip(seenItems.Count - _options.MaxSeenItemsPerFeed).ToList();
        }

        return polled with
        {
            ConsecutiveFailures = 0,
            LastError = null,
            LastSuccessAt = now,
            NextPollAt = decision.NextPollAt,
            ETag = response.IsNotModified ? state.ETag : response.ETag,
            LastModified = response.IsNotModified ? state.LastModified : response.LastModified,
            PermanentRedirectUrl = movedTo ?? state.PermanentRedirectUrl,
            TimeToLiveMinutes = timeToLive,
            RecentItemDates = recentDates,
            Title = outcome.Title ?? state.Title,
            SeenItems = outcome.NewKeys.Count + outcome.UpdatedKeys.Count + outcome.SkippedKeys.Count == 0 ? state.SeenItems : seenItems,
            ItemsSeenTotal = state.ItemsSeenTotal + outcome.NewKeys.Count,
            ItemsSkippedTotal = state.ItemsSkippedTotal + outcome.SkippedCount,
            HighWaterMark = HighWater(state.HighWaterMark, outcome.ItemDates, now),
        };
    }

    private async Task SaveAsync(string name, StoredDocument<FeedState> stored, Func<FeedState, FeedState> update, CancellationToken cancellationToken)
    {
        var current = stored;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var result = await blobs.PutJsonAsync(name, update(current.Value), createOnly: false, ifMatch: current.ETag, cancellationToken).ConfigureAwait(false);
            if (result.Written)
            {
                return;
            }

            // The scheduler wrote in between (next tick, definition edit): apply our result to its version.
            current = await blobs.GetJsonAsync<FeedState>(name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Feed state {name} disappeared during a poll.");
        }

        // Items already enqueued are safe (fetch-article is idempotent); the retry re-polls.
        throw new InvalidOperationException($"Feed state {name} kept changing; poll result not recorded.");
    }

    /// <summary>The newest item dates of this poll and earlier ones, deduplicated and bounded: enough for a stable median gap.</summary>
    private static IReadOnlyList<DateTimeOffset> RecentDates(IReadOnlyList<DateTimeOffset> remembered, IReadOnlyList<DateTimeOffset> current) =>
        current.Count == 0 ? remembered : remembered.Concat(current).Distinct().OrderDescending().Take(RememberedItemDates).ToList();

    private const int RememberedItemDates = 40;

    /// <summary>The newest item date seen so far; a date in the future counts as now (a feed cannot push its own mark ahead).</summary>
    private static DateTimeOffset? HighWater(DateTimeOffset? mark, IReadOnlyList<DateTimeOffset> dates, DateTimeOffset now)
    {
        if (dates.Count == 0)
        {
            return mark;
        }

        var newest = dates.Max();
        newest = newest > now ? now : newest;
        return mark is { } m && m > newest ? m : newest;
    }

    private static readonly ItemDeduplicator Deduplicator = new(link =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) ? UrlCanonicalizer.Canonicalize(uri).AbsoluteUri : link);

    /// <summary>The first retry waits twice the feed's interval, doubling up to MaxFailureBackoff; adaptive bounds from the options.</summary>
    private PollingPolicy PollingPolicyFor(FeedState state) => new(new PollingPolicyOptions
    {
        DefaultInterval = _options.DefaultPollInterval,
        MinInterval = _options.AdaptiveMinInterval,
        MaxInterval = _options.AdaptiveMaxInterval,
        PollsPerPost = _options.PollsPerPost,
        FailureBackoffBase = state.PollInterval * 2,
        MaxFailureBackoff = _options.MaxFailureBackoff,
    });

    private static string Describe(FetchResponse response) =>
        response.Error is { } error ? $"{error.Kind}: {error.Message}" : $"HTTP {response.StatusCode}";
}
