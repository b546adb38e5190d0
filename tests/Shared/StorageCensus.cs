using System.Text.Json;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Tests.Shared;

/// <summary>
/// What a pipeline run left in storage, read through the ports (so it works on the embedded folder and on Azure
/// Storage alike): article documents, stories and their recorded outlets, alert documents, alerts on the alert queue,
/// delivery receipts, and the depth of every stage queue and poison queue. Taken after the run, with nothing running.
/// </summary>
public sealed record StorageCensus(
    IReadOnlyList<StorageCensus.StoredArticle> Articles,
    IReadOnlyList<StorageCensus.StoredStory> Stories,
    IReadOnlyList<StorageCensus.AlertRecord> AlertDocuments,
    IReadOnlyList<StorageCensus.AlertRecord> QueuedAlerts,
    IReadOnlyList<(string AlertId, string Sink)> Receipts,
    IReadOnlyDictionary<string, int> QueueDepths)
{
    private static readonly string[] StageQueues = [QueueNames.PollFeed, QueueNames.FetchArticle, QueueNames.ClassifyArticle, QueueNames.DeliverAlert];

    // Azure's peek returns at most 32 messages; the alert queues these tests read stay far below that.
    private const int MaxPeek = 32;

    public sealed record StoredArticle(string BlobName, string Id, string Url, string Outlet, IReadOnlyList<string> StoryIds);

    public sealed record StoredStory(string Id, bool Tracked, string? OriginOutlet, IReadOnlyList<string> Outlets, IReadOnlyList<OutboxEntry> Outbox);

    public sealed record AlertRecord(string Id, string StoryId, string Outlet);

    public static async Task<StorageCensus> TakeAsync(IBlobStore blobs, IQueueProvider queues, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(queues);
        var articles = new List<StoredArticle>();
        await foreach (var info in blobs.ListAsync(BlobLayout.ArticlesPrefix, cancellationToken))
        {
            if (BlobLayout.IsArticleDocument(info.Name) && await blobs.GetJsonAsync<ArticleDocument>(info.Name, cancellationToken) is { } article)
            {
                articles.Add(new StoredArticle(info.Name, article.Value.Id, article.Value.Url, article.Value.Outlet, article.Value.Stories.Select(s => s.StoryId).ToList()));
            }
        }

        var stories = new List<StoredStory>();
        await foreach (var info in blobs.ListAsync(BlobLayout.StoriesPrefix, cancellationToken))
        {
            if (await blobs.GetJsonAsync<StoryDocument>(info.Name, cancellationToken) is { } story)
            {
                var value = story.Value;
                stories.Add(new StoredStory(value.Id, value.Tracked, value.OriginOutlet, value.Outlets.Select(o => o.Outlet).ToList(), value.Outbox));
            }
        }

        var alertDocuments = new List<AlertRecord>();
        await foreach (var info in blobs.ListAsync(BlobLayout.AlertsPrefix, cancellationToken))
        {
            if (info.Name.EndsWith(".json", StringComparison.Ordinal) && await blobs.GetAsync(info.Name, cancellationToken) is { } content)
            {
                alertDocuments.Add(ReadAlert(content.Content.Span));
            }
        }

        var receipts = new List<(string, string)>();
        await foreach (var info in blobs.ListAsync("alerts-delivery/sent/", cancellationToken))
        {
            // alerts-delivery/sent/{id}/{sink}.json
            var parts = info.Name.Split('/');
            receipts.Add((parts[^2], Path.GetFileNameWithoutExtension(parts[^1])));
        }

        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in StageQueues.Append(QueueNames.Alerts))
        {
            depths[name] = await CountAsync(queues.GetQueue(name), cancellationToken);
            depths[QueueNames.Poison(name)] = await CountAsync(queues.GetQueue(QueueNames.Poison(name)), cancellationToken);
        }

        var alertQueue = queues.GetQueue(QueueNames.Alerts);
        if (depths[QueueNames.Alerts] > MaxPeek)
        {
            throw new InvalidOperationException($"{depths[QueueNames.Alerts]} messages on {QueueNames.Alerts}: more than one peek ({MaxPeek}) can read.");
        }

        var queued = depths[QueueNames.Alerts] == 0
            ? []
            : (await alertQueue.PeekAsync(MaxPeek, cancellationToken)).Select(m => ReadAlert(System.Text.Encoding.UTF8.GetBytes(m.Body))).ToList();
        return new StorageCensus(articles, stories, alertDocuments, queued, receipts, depths);
    }

    /// <summary>Article documents beyond one per URL: a lost create-only race would show here.</summary>
    public int DuplicateArticles => Articles.Count - DistinctArticleUrls.Count;

    public IReadOnlySet<string> DistinctArticleUrls => Articles.Select(a => a.Url).ToHashSet(StringComparer.Ordinal);

    /// <summary>(story, outlet) pairs a tracked story recorded as spread: every outlet but the story's origin.</summary>
    public IReadOnlyList<(string Story, string Outlet)> RecordedSpread =>
        Stories.Where(s => s.Tracked)
            .SelectMany(s => s.Outlets.Where(o => o != s.OriginOutlet).Select(o => (s.Id, o)))
            .Order()
            .ToList();

    public IReadOnlyList<(string Story, string Outlet)> AlertPairs => AlertDocuments.Select(a => (a.StoryId, a.Outlet)).Order().ToList();

    /// <summary>Alert documents whose id is not the deterministic id of their (story, outlet): never expected.</summary>
    public int MisnamedAlerts => AlertDocuments.Count(a => a.Id != AlertIds.ForSpread(a.StoryId, a.Outlet));

    /// <summary>Different alert ids on the alert queue for one (story, outlet): a real duplicate alert.</summary>
    public int DuplicateQueuedAlerts
    {
        get
        {
            var distinct = QueuedAlerts.DistinctBy(a => a.Id).ToList();
            return distinct.Count - distinct.Select(a => (a.StoryId, a.Outlet)).Distinct().Count();
        }
    }

    /// <summary>Copies of one alert id on the alert queue: at-least-once delivery after a fault, removed by consumers by id.</summary>
    public int RedeliveredQueuedAlerts => QueuedAlerts.Count - QueuedAlerts.DistinctBy(a => a.Id).Count();

    /// <summary>Outbox entries (one per recorded (story, outlet) of a tracked story) not yet marked delivered.</summary>
    public int UndeliveredOutboxEntries => Stories.Sum(s => s.Outbox.Count(e => e.DeliveredAt is null));

    public int OutboxEntries => Stories.Sum(s => s.Outbox.Count);

    public int StageMessages => StageQueues.Sum(q => QueueDepths[q]);

    /// <summary>
    /// Messages left on the fetch, classify and deliver queues: work a finished run must not leave. (A poll-feed message
    /// the schedule timer enqueued while a run was stopping is only the next poll of a feed, not unfinished work.)
    /// </summary>
    public int UnfinishedWork => StageMessages - QueueDepths[QueueNames.PollFeed];

    public int PoisonMessages => QueueDepths.Where(q => q.Key.EndsWith("-poison", StringComparison.Ordinal)).Sum(q => q.Value);

    /// <summary>Which articles (by URL) each story holds, as a canonical text: two runs grouped alike iff these are equal.</summary>
    public IReadOnlyList<string> StoryPartition =>
        Articles.SelectMany(a => a.StoryIds.Select(s => (Story: s, a.Url)))
            .GroupBy(x => x.Story, StringComparer.Ordinal)
            .Select(g => string.Join(" + ", g.Select(x => x.Url).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();

    public override string ToString() =>
        $"{Articles.Count} article documents ({DistinctArticleUrls.Count} distinct URLs, {DuplicateArticles} duplicates), " +
        $"{Stories.Count} stories ({Stories.Count(s => s.Tracked)} tracked, {RecordedSpread.Count} recorded (story, outlet) spread pairs), " +
        $"{AlertDocuments.Count} alert documents, {OutboxEntries} outbox entries ({UndeliveredOutboxEntries} undelivered), " +
        $"{QueuedAlerts.Count} alerts on {QueueNames.Alerts} ({RedeliveredQueuedAlerts} redelivered copies of one id, {DuplicateQueuedAlerts} duplicate pairs), " +
        $"{Receipts.Count} delivery receipts, {StageMessages} messages left on stage queues, {PoisonMessages} poison messages" +
        (QueueDepths.Any(q => q.Value > 0) ? $" (non-empty queues: {string.Join(", ", QueueDepths.Where(q => q.Value > 0).Select(q => $"{q.Key} {q.Value}"))})" : "");

    private static async Task<int> CountAsync(IMessageQueue queue, CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken);
        return await queue.GetApproximateCountAsync(cancellationToken);
    }

    private static AlertRecord ReadAlert(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var data = root.TryGetProperty("data", out var d) ? d : root;
        var id = root.TryGetProperty("id", out var i) ? i.GetString() : data.GetProperty("id").GetString();
        return new AlertRecord(id!, data.GetProperty("storyId").GetString()!, data.GetProperty("outlet").GetString()!);
    }
}
