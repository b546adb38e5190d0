using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Core.Pipeline.Status;

/// <summary>
/// Reads <see cref="PipelineStatus"/> from the stores: queue and poison counts, every feed's state, the newest poll,
/// article and alert, and the alert sinks' parked deliveries. Shared by `feedwatch status` and GET /api/status.
/// Cost: one count per queue, one read per feed, one listing of the article index and of the last
/// <see cref="AlertLookbackDays"/> days of alerts.
/// </summary>
public sealed class PipelineStatusReader(
    IBlobStore blobs,
    IQueueProvider queues,
    TimeProvider time,
    IEnumerable<IAlertSink> sinks,
    AlertDeliveryStore? deliveries = null,
    AlertDispatcher? dispatcher = null)
{
    /// <summary>A feed failing this many polls in a row needs attention (one failed poll is normal weather).</summary>
    public const int FailingThreshold = 3;

    public const int WorstFeeds = 5;

    public const int AlertLookbackDays = 31;

    public static IReadOnlyList<(string Stage, string Queue)> StageQueues { get; } =
    [
        ("poll-feed", QueueNames.PollFeed),
        ("fetch-article", QueueNames.FetchArticle),
        ("classify", QueueNames.ClassifyArticle),
        ("deliver-alert", QueueNames.DeliverAlert),
    ];

    public async Task<PipelineStatus> ReadAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var queueStatus = await ReadQueuesAsync(cancellationToken).ConfigureAwait(false);
        var feeds = await ReadFeedsAsync(cancellationToken).ConfigureAwait(false);
        var feedStatus = Summarize(feeds);
        var lastArticle = await LastModifiedAsync(BlobLayout.ArticleIndexPrefix, cancellationToken).ConfigureAwait(false);
        var lastAlert = await LastAlertAsync(now, cancellationToken).ConfigureAwait(false);
        var sinkStatus = await ReadSinksAsync(cancellationToken).ConfigureAwait(false);

        var attention = new List<string>();
        foreach (var queue in queueStatus.Where(q => q.Poison > 0))
        {
            attention.Add($"{queue.Poison} message(s) in {QueueNames.Poison(queue.Queue)}");
        }

        foreach (var sink in sinkStatus.Where(s => s.Parked > 0))
        {
            attention.Add($"{sink.Parked} parked alert deliver{(sink.Parked == 1 ? "y" : "ies")} for sink {sink.Name} (feedwatch alerts --failed)");
        }

        var failingHard = feeds.Count(f => State(f) is "failing" or "backing_off" && f.ConsecutiveFailures >= FailingThreshold);
        if (failingHard > 0)
        {
            attention.Add($"{failingHard} feed(s) failed {FailingThreshold} or more polls in a row");
        }

        return new PipelineStatus(
            attention.Count == 0, attention, now, queueStatus, feedStatus,
            feeds.Max(f => f.LastPolledAt), lastArticle, lastAlert, sinkStatus);
    }

    /// <summary>Depth and poison count of every stage queue; a queue not created yet counts zero.</summary>
    public async Task<IReadOnlyList<QueueStatus>> ReadQueuesAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<QueueStatus>();
        foreach (var (stage, name) in StageQueues)
        {
            var depth = await queues.GetQueue(name).GetApproximateCountAsync(cancellationToken).ConfigureAwait(false);
            var poison = await queues.GetQueue(QueueNames.Poison(name)).GetApproximateCountAsync(cancellationToken).ConfigureAwait(false);
            result.Add(new QueueStatus(stage, name, depth, poison));
        }

        return result;
    }

    /// <summary>ok, failing, backing_off, gone or new.</summary>
    public static string State(FeedState feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return feed switch
        {
            { NextPollAt: var next } when next == DateTimeOffset.MaxValue => "gone",
            { ConsecutiveFailures: > 0, LastStatus: 429 or 503 } => "backing_off",
            { ConsecutiveFailures: > 0 } => "failing",
            { LastPolledAt: null } => "new",
            _ => "ok",
        };
    }

    private async Task<List<FeedState>> ReadFeedsAsync(CancellationToken cancellationToken)
    {
        var feeds = new List<FeedState>();
        await foreach (var blob in blobs.ListAsync(BlobLayout.FeedsPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (await blobs.GetJsonAsync<FeedState>(blob.Name, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                feeds.Add(stored.Value);
            }
        }

        return feeds;
    }

    private static FeedsStatus Summarize(List<FeedState> feeds)
    {
        var states = feeds.Select(f => (Feed: f, State: State(f))).ToList();
        var worst = states
            .Where(s => s.State is "failing" or "backing_off" or "gone")
            .OrderByDescending(s => s.State == "gone" ? -1 : s.Feed.ConsecutiveFailures)
            .ThenBy(s => s.Feed.FeedId, StringComparer.Ordinal)
            .Take(WorstFeeds)
            .Select(s => new FeedProblem(
                s.Feed.FeedId, s.Feed.PermanentRedirectUrl ?? s.Feed.Url, s.State, s.Feed.ConsecutiveFailures, s.Feed.LastStatus, s.Feed.LastError,
                s.Feed.LastPolledAt, s.Feed.NextPollAt == DateTimeOffset.MaxValue ? null : s.Feed.NextPollAt))
            .ToList();
        return new FeedsStatus(
            feeds.Count,
            states.Count(s => s.State == "ok"),
            states.Count(s => s.State == "failing"),
            states.Count(s => s.State == "backing_off"),
            states.Count(s => s.State == "gone"),
            states.Count(s => s.State == "new"),
            worst);
    }

    private async Task<DateTimeOffset?> LastModifiedAsync(string prefix, CancellationToken cancellationToken)
    {
        DateTimeOffset? last = null;
        await foreach (var blob in blobs.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (last is null || blob.LastModified > last)
            {
                last = blob.LastModified;
            }
        }

        return last;
    }

    /// <summary>Alerts are filed by detection date: look at today's folder, then back day by day.</summary>
    private async Task<DateTimeOffset?> LastAlertAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var day = 0; day < AlertLookbackDays; day++)
        {
            var date = now.UtcDateTime.Date.AddDays(-day);
            var prefix = BlobLayout.AlertsPrefix + date.ToString("yyyy'/'MM'/'dd'/'", System.Globalization.CultureInfo.InvariantCulture);
            if (await LastModifiedAsync(prefix, cancellationToken).ConfigureAwait(false) is { } last)
            {
                return last;
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<SinkStatus>> ReadSinksAsync(CancellationToken cancellationToken)
    {
        var names = (dispatcher?.SinkNames ?? sinks.Select(s => s.Name).ToList()).ToList();
        var parked = new List<ParkedDelivery>();
        if (deliveries is not null)
        {
            await foreach (var item in deliveries.ListParkedAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                parked.Add(item);
            }
        }

        return names
            .Union(parked.Select(p => p.Sink), StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(name =>
            {
                var mine = parked.Where(p => string.Equals(p.Sink, name, StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.LastFailedAt).ToList();
                return new SinkStatus(name, mine.Count, mine.LastOrDefault()?.LastFailedAt, mine.LastOrDefault()?.LastError);
            })
            .ToList();
    }
}
