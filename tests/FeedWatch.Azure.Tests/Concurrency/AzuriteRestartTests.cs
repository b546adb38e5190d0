using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Azure.Tests.Azurite;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Tests.Shared;
using Xunit.Abstractions;

namespace FeedWatch.Azure.Tests.Concurrency;

/// <summary>
/// Storage goes away in the middle of a run: two `feedwatch run` processes work through a replayed corpus on Azurite
/// (data on disk), Azurite is stopped as soon as the first article is stored and started again on the same ports a few
/// seconds later. The processes ride it out on the storage clients' bounded retries with backoff and the queues'
/// redelivery; a process that gives up anyway is restarted, as an operator or the Functions host would, and must
/// finish the work. Afterwards the same guarantees as without the outage hold.
/// </summary>
[Collection(PipelineProofCollection.Name)]
public sealed class AzuriteRestartTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);
    /// <summary>How long Azurite stays down (after its shutdown, before its restart); `FEEDWATCH_AZURITE_OUTAGE` (seconds) changes it.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("FEEDWATCH_AZURITE_OUTAGE"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : 5);
    private readonly string _work = Directory.CreateTempSubdirectory("feedwatch-restart-").FullName;

    [Fact]
    public async Task Pipeline_rides_out_an_Azurite_restart_and_loses_or_duplicates_nothing()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            // A short visibility timeout: a message held by a process when the storage vanished comes back soon.
            await using var pipeline = await ReplayedPipeline.StartAsync(azurite, _work, visibilityTimeout: TimeSpan.FromSeconds(10));
            await pipeline.TrackSeedAsync(RunLimit);
            var seeded = await CountArticlesAsync(azurite);
            var clock = Stopwatch.StartNew();
            var runs = new[] { pipeline.StartRun("run #1"), pipeline.StartRun("run #2") };
            try
            {
                // Mid-run: the runs have stored their first polled article, most of the corpus is not in yet.
                var storedAtStop = await WaitForArticlesBeyondAsync(azurite, seeded, runs);
                Assert.True(runs.All(r => !r.HasExited), "both runs must still be working when Azurite stops");
                Assert.True(storedAtStop < pipeline.CorpusUrls.Count, $"the corpus must not be finished when Azurite stops ({storedAtStop} stored)");

                var stopping = clock.Elapsed;
                await azurite.StopAsync(grace: TimeSpan.FromSeconds(20));
                var stopped = clock.Elapsed;
                await AssertRefusedAsync(azurite.BlobPort);
                await AssertRefusedAsync(azurite.QueuePort);
                await Task.Delay(Outage);
                var starting = clock.Elapsed;
                await azurite.StartAgainAsync();
                output.WriteLine($"Azurite stopped at {stopping.TotalSeconds:0.0} s with {storedAtStop} of {pipeline.CorpusUrls.Count} articles stored " +
                                 $"(shutdown took {(stopped - stopping).TotalSeconds:0.0} s), down (connections refused) for {Outage.TotalSeconds:0} s, " +
                                 $"listening again {(clock.Elapsed - starting).TotalSeconds:0.0} s after its restart: unreachable for {(clock.Elapsed - stopping).TotalSeconds:0.0} s in all " +
                                 "(same ports, same on-disk data)");

                var exits = await Task.WhenAll(runs.Select(r => r.WaitAsync(RunLimit)));
                for (var i = 0; i < runs.Length; i++)
                {
                    output.WriteLine($"{runs[i].Name} exited with {exits[i]} after {clock.Elapsed.TotalSeconds:0.0} s; " +
                                     $"{Count(runs[i].Output, "fail")} log lines about failures; {ReplayedPipeline.DoneLine(runs[i].Output)}");
                }

                if (exits.Any(e => e != 0))
                {
                    // A process that gave up must not have lost anything: running again completes the work.
                    output.WriteLine("output of the run(s) that failed:\n" + string.Join("\n", runs.Where(r => r.ExitCode != 0).Select(r => r.Output)));
                    using var rerun = pipeline.StartRun("re-run");
                    var exit = await rerun.WaitAsync(RunLimit);
                    Assert.True(exit == 0, $"the re-run exited with {exit}:\n{rerun.Output}");
                    output.WriteLine($"re-run: {ReplayedPipeline.DoneLine(rerun.Output)}");
                }
            }
            finally
            {
                foreach (var run in runs)
                {
                    run.Dispose();
                }
            }

            var census = await pipeline.CensusAsync();
            output.WriteLine($"after an Azurite restart mid-run ({clock.Elapsed.TotalSeconds:0.0} s): {census}");
            output.WriteLine($"tracked story outlets: {string.Join(", ", census.RecordedSpread.Select(p => p.Outlet))}");
            PipelineAssert.Invariants(census, pipeline.CorpusUrls);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A straggling child may still hold a file for a moment; the temp folder is cleaned by the OS later.
        }
    }

    private static async Task<int> WaitForArticlesBeyondAsync(AzuriteFixture azurite, int seeded, IReadOnlyList<CliProcess> runs)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < RunLimit)
        {
            var stored = await CountArticlesAsync(azurite);
            if (stored > seeded)
            {
                return stored;
            }

            var exited = runs.FirstOrDefault(r => r.HasExited);
            Assert.True(exited is null, $"{exited?.Name} exited before storing anything:\n{exited?.Output}");
            await Task.Delay(100);
        }

        throw new TimeoutException($"No article stored within {RunLimit}.");
    }

    private static async Task<int> CountArticlesAsync(AzuriteFixture azurite)
    {
        var blobs = new AzureBlobStore(azurite.Connection.GetBlobContainerClient(AzureStorageServiceCollectionExtensions.DefaultContainerName));
        var stored = 0;
        await foreach (var blob in blobs.ListAsync(BlobLayout.ArticlesPrefix))
        {
            stored += BlobLayout.IsArticleDocument(blob.Name) ? 1 : 0;
        }

        return stored;
    }

    private static async Task AssertRefusedAsync(int port)
    {
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync(IPAddress.Loopback, port));
    }

    private static int Count(string text, string word) =>
        text.Split('\n').Count(l => l.Contains(word, StringComparison.OrdinalIgnoreCase));
}
