using Azure.Storage.Blobs;
using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Azure.Tests.Azurite;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Reliability.Tests.Support;
using FeedWatch.Replay.Schedule;
using FeedWatch.Replay.Server;
using Xunit.Abstractions;

namespace FeedWatch.Reliability.Tests.FaultInjection.Storage;

/// <summary>
/// The real pipeline on Azure Storage (Azurite) works through a replayed corpus while a seeded proxy between it and
/// Azurite injects 500s, 503s (with and without Retry-After), timeouts, connection resets mid-request and
/// mid-response, and concurrent writers racing its If-Match writes. The result must equal an unfaulted run:
/// every article stored exactly once, every (story, outlet) alerted exactly once, nothing left on a stage queue,
/// nothing in poison. FEEDWATCH_STORAGE_FAULT_SEED picks another seed.
/// </summary>
public sealed class StorageFaultTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(150);
    private readonly string _root = Directory.CreateTempSubdirectory("feedwatch-storage-faults-").FullName;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("FEEDWATCH_STORAGE_FAULT_SEED"), out var seed) ? seed : 2611;

    [Fact]
    public async Task Storage_faults_lose_and_duplicate_nothing()
    {
        var corpus = SeedStoryCorpus.WithNoise();
        await using var replay = await ReplayServer.StartAsync(ReplayPlan.Create(corpus, ReplaySpeed.AllAtOnce));
        // One poll per feed (everything is out at once); later schedule ticks find nothing due.
        var feedsFile = ReplayFeedsFile.Write(replay, _root, TimeSpan.FromHours(1), "seed-b.example");
        var hostMap = replay.HostMap.ToDictionary(p => p.Key, p => p.Value.ToString());
        var directQueues = new AzureQueueProvider(azurite.Connection);

        // The same corpus without faults, straight to Azurite, is the expected result.
        var baseline = await RunAsync(azurite.ConnectionString, "baseline", feedsFile, hostMap, directQueues, new CapturingLoggerProvider());
        output.WriteLine("unfaulted: " + baseline);
        Assert.True(baseline.ArticleUrls.Count > 0 && baseline.AlertPairs.Count > 0, "the unfaulted run must store articles and raise alerts: " + baseline);

        var injector = new StorageFaultInjector(new StorageFaultPlan(Seed));
        var racer = new AzureBlobStore(azurite.Connection.GetBlobContainerClient("faulted"));
        await using var blobProxy = new FaultInjectingStorageProxy(azurite.BlobPort, injector, name => RewriteAsync(racer, name));
        await using var queueProxy = new FaultInjectingStorageProxy(azurite.QueuePort, injector);
        var logs = new CapturingLoggerProvider();
        var faulted = await RunAsync(ProxiedConnectionString(blobProxy.Port, queueProxy.Port), "faulted", feedsFile, hostMap, directQueues, logs);

        var lost = baseline.ArticleUrls.Except(faulted.ArticleUrls, StringComparer.Ordinal).ToList();
        var extra = faulted.ArticleUrls.Except(baseline.ArticleUrls, StringComparer.Ordinal).ToList();
        output.WriteLine($"seed {Seed}, faults injected: {injector.Describe()}; {blobProxy.RaceFailures} racing writes lost their own race; " +
            $"races by folder: {string.Join(", ", blobProxy.RacedFolders.Select(r => $"{r.Key} {r.Value}"))}");
        output.WriteLine($"faulted: {faulted}");
        output.WriteLine(
            $"articles {faulted.ArticleUrls.Count} (expected {baseline.ArticleUrls.Count}), duplicates {faulted.DuplicateArticles}, lost {lost.Count}, unexpected {extra.Count}; " +
            $"alerts {faulted.AlertPairs.Count}, duplicate alerts {faulted.DuplicateAlerts}, queued alerts {faulted.AlertQueueEntries.Count} " +
            $"({faulted.DuplicateQueuedAlerts} duplicates, {faulted.RedeliveredQueuedAlerts} redelivered copies of one id); " +
            $"left on stage queues {faulted.StageMessages}, poison {faulted.PoisonMessages}; {logs.Entries.Count} warnings/errors logged");

        // Every kind of fault really happened (a test whose faults never fire proves nothing).
        foreach (var kind in Enum.GetValues<StorageFault>().Where(k => k != StorageFault.None))
        {
            Assert.True(injector.Injected[kind] > 0, $"no {kind} was injected: {injector.Describe()}");
        }

        Assert.True(blobProxy.RacedFolders.GetValueOrDefault("stories") > 0, "no story blob write was raced");

        Assert.Empty(lost);
        Assert.Empty(extra);
        Assert.Equal(0, faulted.DuplicateArticles);
        Assert.Equal(0, faulted.DuplicateAlerts);
        Assert.Equal(0, faulted.DuplicateQueuedAlerts);
        // Every outlet the tracked story recorded is alerted exactly once (documents and alert queue), nothing else.
        Assert.Equal(faulted.RecordedSpreadPairs.Order(), faulted.AlertPairs.Order());
        Assert.Equal(faulted.AlertPairs.Order(), faulted.AlertQueueEntries.DistinctBy(e => e.Id).Select(e => (e.Story, e.Outlet)).Order());
        // No alert the unfaulted run would not raise (seed-e's borderline match may differ with arrival order: see HostKillTests).
        Assert.Subset(baseline.AlertPairs.Select(p => p.Outlet).ToHashSet(StringComparer.Ordinal), faulted.AlertPairs.Select(p => p.Outlet).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(0, faulted.StageMessages);
        Assert.Equal(0, faulted.PoisonMessages);
        // Errors under faults (request URIs, exception text) never carry the account key.
        Assert.DoesNotContain(StorageConnection.DevelopmentAccountKey, logs.AllText(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // cleaned by the OS later
        }
    }

    private async Task<DataFolderCensus> RunAsync(
        string connectionString, string container, string feedsFile, IReadOnlyDictionary<string, string> hostMap, IQueueProvider directQueues, CapturingLoggerProvider logs)
    {
        var started = DateTimeOffset.UtcNow;
        using (var host = AzurePipelineHost.Build(connectionString, container, feedsFile, hostMap, Path.Combine(_root, container), logs))
        {
            await AzurePipelineHost.RunUntilQuietAsync(host, directQueues, TimeSpan.FromSeconds(3), RunLimit);
        }

        output.WriteLine($"{container} run: {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s");
        // The census reads the inbox (alert queue) and poison queues empty, so the next run starts clean.
        var census = await StorageCensus.TakeAsync(new AzureBlobStore(azurite.Connection.GetBlobContainerClient(container)), directQueues);
        await StorageCensus.DrainAsync(directQueues);
        return census;
    }

    private string ProxiedConnectionString(int blobPort, int queuePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={StorageConnection.DevelopmentAccountName};AccountKey={StorageConnection.DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{StorageConnection.DevelopmentAccountName};QueueEndpoint=http://127.0.0.1:{queuePort}/{StorageConnection.DevelopmentAccountName};";

    /// <summary>The other writer: rewrites the blob's current content (same bytes, properties and metadata), which gives it a new ETag.</summary>
    private static async Task RewriteAsync(IBlobStore store, string name)
    {
        var current = await store.GetAsync(name) ?? throw new InvalidOperationException($"{name} does not exist");
        var options = new BlobPutOptions
        {
            ContentType = current.Info.ContentType,
            ContentEncoding = current.Info.ContentEncoding,
            Metadata = current.Info.Metadata,
            IfMatch = current.Info.ETag,
        };
        if (!(await store.PutAsync(name, current.Content, options)).Written)
        {
            throw new InvalidOperationException($"{name} changed under the racing writer too");
        }
    }
}
