using System.Text;
using Azure.Storage.Blobs;
using BenchmarkDotNet.Attributes;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Storage.Local.Blobs;
using FeedWatch.Storage.Local.Queues;

namespace FeedWatch.Benchmarks.Storage;

/// <summary>
/// Storage throughput as the pipeline uses it, with one and with several workers:
/// <see cref="StoreArticleBlobs"/> writes article documents (≈4 KB JSON, create-only, with metadata, in the
/// articles/{yyyy}/{MM}/{dd}/{outlet}/ layout); <see cref="QueueRoundTrips"/> sends messages and has the workers
/// receive and delete them. Each invocation handles <see cref="OperationsPerInvoke"/> items, so BenchmarkDotNet's
/// "Op/s" column is blobs stored per second and queue messages (send + receive + delete) per second.
/// Run: dotnet run -c Release --project benchmarks/FeedWatch.Benchmarks -- --filter '*StorageThroughput*'
/// </summary>
[Config(typeof(InProcessStorageConfig))]
public class StorageThroughputBenchmarks
{
    public const int OperationsPerInvoke = 200;

    private static readonly byte[] ArticleJson = Encoding.UTF8.GetBytes(
        "{\"url\":\"https://outlet.example/a\",\"title\":\"Benchmark article\",\"text\":\"" + new string('x', 4000) + "\"}");

    private AzuriteProcess? azurite;
    private string? folder;
    private IBlobStore blobs = null!;
    private IQueueProvider queues = null!;
    private int round;

    [Params(StorageBackend.Local, StorageBackend.Azurite)]
    public StorageBackend Backend { get; set; }

    [Params(1, 4)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (Backend == StorageBackend.Azurite)
        {
            azurite = AzuriteProcess.Start();
            blobs = new AzureBlobStore(azurite.Connection.GetBlobContainerClient("feedwatch"));
            queues = new AzureQueueProvider(azurite.Connection);
        }
        else
        {
            folder = Directory.CreateTempSubdirectory("feedwatch-bench-local-").FullName;
            blobs = new LocalBlobStore(Path.Combine(folder, "blobs"));
            queues = new LocalQueueProvider(Path.Combine(folder, "queues"));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        azurite?.Dispose();
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public async Task StoreArticleBlobs()
    {
        var batch = Interlocked.Increment(ref round);
        var options = new BlobPutOptions
        {
            ContentType = "application/json; charset=utf-8",
            CreateOnly = true,
            Metadata = new Dictionary<string, string> { ["articleid"] = "bench", ["outlet"] = "outlet.example" },
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, OperationsPerInvoke), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (i, ct) =>
        {
            var result = await blobs.PutAsync($"articles/2026/11/21/outlet{i % 8}.example/bench-{batch}-{i}.json", ArticleJson, options, ct);
            if (!result.Written)
            {
                throw new InvalidOperationException("A fresh article blob was not written.");
            }
        });
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public async Task QueueRoundTrips()
    {
        var queue = queues.GetQueue("bench-" + Interlocked.Increment(ref round));
        await queue.CreateIfNotExistsAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, OperationsPerInvoke), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (i, ct) =>
            await queue.SendAsync("{\"articleUrl\":\"https://outlet.example/" + i + "\"}", cancellationToken: ct));

        var handled = 0;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref handled) < OperationsPerInvoke)
            {
                var batch = await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5));
                foreach (var message in batch)
                {
                    await queue.DeleteAsync(message.Id, message.PopReceipt);
                    Interlocked.Increment(ref handled);
                }

                if (batch.Count == 0)
                {
                    await Task.Delay(5);
                }
            }
        })));
    }
}
