using System.Text;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Reliability.Tests.FaultInjection.Storage;

/// <summary>
/// The same census as <see cref="DataFolderCensus"/>, taken through the storage ports (so it works on Azure Storage):
/// article documents, alert documents, tracked stories' recorded outlets, every queue's depth and the alert queue's
/// entries. Run it on a direct (unproxied) connection after the pipeline has stopped.
/// </summary>
internal static class StorageCensus
{
    private static readonly string[] StageQueues = [QueueNames.PollFeed, QueueNames.FetchArticle, QueueNames.ClassifyArticle, QueueNames.DeliverAlert];

    public static async Task<DataFolderCensus> TakeAsync(IBlobStore blobs, IQueueProvider queues)
    {
        var articles = (await DocumentsAsync(blobs, "articles/"))
            .Select(json => DataFolderCensus.ReadString(json, "url") ?? throw new InvalidDataException("an article document has no url"))
            .ToList();
        var alerts = (await DocumentsAsync(blobs, "alerts/")).Select(DataFolderCensus.AlertPair).ToList();
        var recorded = (await DocumentsAsync(blobs, "stories/")).SelectMany(DataFolderCensus.RecordedSpread).ToList();

        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in StageQueues.Append(QueueNames.Alerts).SelectMany(q => new[] { q, QueueNames.Poison(q) }))
        {
            var queue = queues.GetQueue(name);
            await queue.CreateIfNotExistsAsync();
            depths[name] = await queue.GetApproximateCountAsync();
        }

        // Nobody consumes the alert queue in the test, so every entry is visible: read them all by hiding them.
        var alertQueue = new List<(string, string, string)>();
        var inbox = queues.GetQueue(QueueNames.Alerts);
        for (IReadOnlyList<QueueMessage> batch; (batch = await inbox.ReceiveAsync(32, TimeSpan.FromSeconds(2))).Count > 0;)
        {
            alertQueue.AddRange(batch.Select(m => DataFolderCensus.AlertEntry(m.Body)));
        }

        return new DataFolderCensus(articles, alerts, alertQueue, depths, recorded);
    }

    /// <summary>Empties the alert queue and every poison queue (after a census), so the next run on the account starts clean.</summary>
    public static async Task DrainAsync(IQueueProvider queues)
    {
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the census hid the alert queue's entries for 2 s
        foreach (var name in StageQueues.Append(QueueNames.Alerts).Select(QueueNames.Poison).Append(QueueNames.Alerts))
        {
            var queue = queues.GetQueue(name);
            for (IReadOnlyList<QueueMessage> batch; (batch = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1))).Count > 0;)
            {
                foreach (var message in batch)
                {
                    await queue.DeleteAsync(message.Id, message.PopReceipt);
                }
            }
        }
    }

    private static async Task<List<string>> DocumentsAsync(IBlobStore blobs, string prefix)
    {
        var documents = new List<string>();
        await foreach (var blob in blobs.ListAsync(prefix))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal) && await blobs.GetAsync(blob.Name) is { } content)
            {
                documents.Add(Encoding.UTF8.GetString(content.Content.Span));
            }
        }

        return documents;
    }
}
