using Azure.Storage.Blobs;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Azure.Tests.Azurite;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace FeedWatch.Azure.Tests.Concurrency;

/// <summary>
/// Two writers — two independent <see cref="StoryUpdater"/>s, each with its own story index and its own Azure blob
/// client, as two `feedwatch run` processes have — update one tracked story on Azurite. Story writes are If-Match
/// compare-and-swaps: the loser of a race gets 412 from Azurite, re-reads and applies its change again, so both
/// updates survive (no lost outlet, no lost alert).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StoryUpdateRaceTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string StoryId = "tracked-race";
    private readonly string _container = "fw-race-" + Guid.NewGuid().ToString("N")[..16];

    public Task InitializeAsync() => Client().CreateIfNotExistsAsync();

    public Task DisposeAsync() => Client().DeleteIfExistsAsync();

    [Fact]
    public async Task A_write_that_loses_the_If_Match_race_gets_412_and_retries_so_both_updates_survive()
    {
        var (first, firstStore) = Writer();
        var (second, secondStore) = Writer();
        await first.StartAsync(StoryId, Article("origin.example", 0), tracked: true, "Harbour bridge closes", CancellationToken.None);

        // The first writer reads the story, then waits before its If-Match write while the second writer updates it.
        firstStore.HoldNextIfMatchWrite();
        var firstJoin = first.JoinAsync(StoryId, Article("first.example", 1), null, CancellationToken.None);
        await firstStore.HeldWriteArrived.WaitAsync(TimeSpan.FromSeconds(30));
        var secondJoin = await second.JoinAsync(StoryId, Article("second.example", 2), null, CancellationToken.None);
        firstStore.Release();
        var firstResult = await firstJoin.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(secondJoin!.Changed);
        Assert.True(firstResult!.Changed);
        Assert.Equal(0, secondStore.ConditionFailures);
        Assert.Equal(1, firstStore.ConditionFailures); // Azurite refused the stale ETag once; the retry then won.

        var story = await ReadStoryAsync();
        Assert.Equal(new[] { "first.example", "origin.example", "second.example" }, story.Outlets.Select(o => o.Outlet).Order(StringComparer.Ordinal));
        Assert.Equal(3, story.ArticleCount);
        Assert.Equal(
            new[] { AlertIds.ForSpread(StoryId, "first.example"), AlertIds.ForSpread(StoryId, "second.example") }.Order(StringComparer.Ordinal),
            story.Outbox.Select(e => e.Alert.Id).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { AlertIds.ForSpread(StoryId, "first.example") }, firstResult.PendingAlertIds);
        Assert.Equal(new[] { AlertIds.ForSpread(StoryId, "second.example") }, secondJoin.PendingAlertIds);
    }

    [Fact]
    public async Task Two_writers_racing_freely_on_one_story_lose_no_update()
    {
        const int JoinsPerWriter = 8;
        var (first, firstStore) = Writer();
        var (second, secondStore) = Writer();
        await first.StartAsync(StoryId, Article("origin.example", 0), tracked: true, "Harbour bridge closes", CancellationToken.None);

        async Task JoinAllAsync(StoryUpdater writer, string name)
        {
            for (var n = 1; n <= JoinsPerWriter; n++)
            {
                var result = await writer.JoinAsync(StoryId, Article($"{name}-{n}.example", n), null, CancellationToken.None);
                Assert.True(result!.Changed);
            }
        }

        await Task.WhenAll(JoinAllAsync(first, "first"), JoinAllAsync(second, "second")).WaitAsync(TimeSpan.FromMinutes(2));

        var story = await ReadStoryAsync();
        output.WriteLine(
            $"{2 * JoinsPerWriter} joins by two writers: {firstStore.ConditionFailures + secondStore.ConditionFailures} writes refused with 412 and retried " +
            $"({firstStore.IfMatchWrites + secondStore.IfMatchWrites} If-Match writes); story has {story.Outlets.Count} outlets, {story.Outbox.Count} alerts");
        Assert.Equal(1 + (2 * JoinsPerWriter), story.ArticleCount);
        Assert.Equal(1 + (2 * JoinsPerWriter), story.Outlets.Select(o => o.Outlet).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(2 * JoinsPerWriter, story.Outbox.Select(e => e.Alert.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(2 * JoinsPerWriter, story.Outbox.Count);
        Assert.Equal(firstStore.IfMatchWrites + secondStore.IfMatchWrites, (2 * JoinsPerWriter) + firstStore.ConditionFailures + secondStore.ConditionFailures);
    }

    private BlobContainerClient Client() => azurite.Connection.GetBlobContainerClient(_container);

    private (StoryUpdater Updater, InterleavingBlobStore Store) Writer()
    {
        var store = new InterleavingBlobStore(new AzureBlobStore(Client()));
        var options = new PipelineOptions();
        var index = new StoryIndex(new StoryEngine(), store, options, TimeProvider.System, NullLogger<StoryIndex>.Instance);
        return (new StoryUpdater(store, index, options, TimeProvider.System, NullLogger<StoryUpdater>.Instance), store);
    }

    private async Task<StoryDocument> ReadStoryAsync() =>
        (await new AzureBlobStore(Client()).GetJsonAsync<StoryDocument>(BlobLayout.Story(StoryId), CancellationToken.None))?.Value
        ?? throw new InvalidOperationException("The story document is missing.");

    private static ArticleDocument Article(string outlet, int number) => new()
    {
        Id = $"article-{outlet}-{number}",
        Url = $"https://{outlet}/2026/11/harbour-bridge-{number}.html",
        CanonicalUrl = $"https://{outlet}/2026/11/harbour-bridge-{number}.html",
        Outlet = outlet,
        FeedId = "feed-" + outlet,
        RawPageBlob = $"articles/2026/11/21/{outlet}/harbour-bridge-{number}.html.gz",
        Title = "Harbour bridge closes for three weeks of repairs",
        FetchedAt = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero).AddMinutes(number),
        Text = "The harbour bridge will close for three weeks from Monday while engineers replace corroded cables, " +
               "the city council said on Friday. Ferries will run every ten minutes during the closure. " + outlet,
    };
}
