using System.Text;
using System.Text.Json;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Cli.Load;

/// <summary>Reads back, through the storage ports, what a load run left: article URLs, alerted (story, outlet) pairs, queue depths.</summary>
internal sealed record LoadCensus(IReadOnlyList<string> ArticleUrls, IReadOnlyList<(string Story, string Outlet)> Alerts, int StageMessages, int PoisonMessages)
{
    private static readonly string[] StageQueues = [QueueNames.PollFeed, QueueNames.FetchArticle, QueueNames.ClassifyArticle, QueueNames.DeliverAlert];

    public static async Task<LoadCensus> TakeAsync(IBlobStore blobs, IQueueProvider queues, CancellationToken cancellationToken)
    {
        var urls = new List<string>();
        await foreach (var json in DocumentsAsync(blobs, "articles/", cancellationToken).ConfigureAwait(false))
        {
            using var document = JsonDocument.Parse(json);
            urls.Add(document.RootElement.GetProperty("url").GetString() ?? "");
        }

        var alerts = new List<(string, string)>();
        await foreach (var json in DocumentsAsync(blobs, "alerts/", cancellationToken).ConfigureAwait(false))
        {
            using var document = JsonDocument.Parse(json);
            var data = document.RootElement.TryGetProperty("data", out var d) ? d : document.RootElement;
            alerts.Add((data.GetProperty("storyId").GetString() ?? "", data.GetProperty("outlet").GetString() ?? ""));
        }

        int stage = 0, poison = 0;
        foreach (var name in StageQueues.Append(QueueNames.Alerts))
        {
            if (name != QueueNames.Alerts)
            {
                stage += await queues.GetQueue(name).GetApproximateCountAsync(cancellationToken).ConfigureAwait(false);
            }

            var poisonQueue = queues.GetQueue(QueueNames.Poison(name));
            await poisonQueue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            poison += await poisonQueue.GetApproximateCountAsync(cancellationToken).ConfigureAwait(false);
        }

        return new LoadCensus(urls, alerts, stage, poison);
    }

    private static async IAsyncEnumerable<string> DocumentsAsync(IBlobStore blobs, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in blobs.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal) &&
                await blobs.GetAsync(blob.Name, cancellationToken).ConfigureAwait(false) is { } content)
            {
                yield return Encoding.UTF8.GetString(content.Content.Span);
            }
        }
    }
}
