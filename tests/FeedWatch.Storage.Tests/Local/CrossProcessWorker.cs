using System.Globalization;
using System.Text;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Storage.Local.Blobs;
using FeedWatch.Storage.Local.Queues;

namespace FeedWatch.Storage.Tests.Local;

/// <summary>
/// The entry point of this test assembly when a test starts it as a separate process
/// (`dotnet FeedWatch.Storage.Tests.dll MODE ...`): real competing processes on one data folder, which in-process
/// tests can only approximate. The test runner never calls it.
/// </summary>
public static class CrossProcessWorker
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.FirstOrDefault())
        {
            case "increment":
                await IncrementAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
                return 0;
            case "consume":
                await ConsumeAsync(args[1], args[2], args[3]);
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: increment FOLDER COUNT | consume FOLDER QUEUE OUTFILE");
                return 2;
        }
    }

    /// <summary>Read-modify-write of one counter blob with If-Match, retrying on conflict.</summary>
    private static async Task IncrementAsync(string folder, int count)
    {
        var store = new LocalBlobStore(folder);
        for (var i = 0; i < count; i++)
        {
            while (true)
            {
                var current = (await store.GetAsync("counter.txt"))!;
                var next = int.Parse(Encoding.UTF8.GetString(current.Content.Span), CultureInfo.InvariantCulture) + 1;
                var result = await store.PutAsync("counter.txt", Encoding.UTF8.GetBytes(next.ToString(CultureInfo.InvariantCulture)), new BlobPutOptions { IfMatch = current.Info.ETag });
                if (result.Written)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Receives and deletes until the queue stays empty, appending each body it got to a file.</summary>
    private static async Task ConsumeAsync(string folder, string queueName, string outFile)
    {
        var queue = new LocalQueueProvider(folder).GetQueue(queueName);
        var received = new List<string>();
        var emptyPolls = 0;
        while (emptyPolls < 5)
        {
            var batch = await queue.ReceiveAsync(4, TimeSpan.FromMinutes(5));
            emptyPolls = batch.Count == 0 ? emptyPolls + 1 : 0;
            foreach (var message in batch)
            {
                received.Add(message.Body);
                if (!await queue.DeleteAsync(message.Id, message.PopReceipt))
                {
                    throw new InvalidOperationException($"Lost the lease on {message.Id}.");
                }
            }

            if (batch.Count == 0)
            {
                await Task.Delay(20);
            }
        }

        await File.WriteAllLinesAsync(outFile, received);
    }
}
