using FeedWatch.Core.Configuration;
using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Tests.Pipeline.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Core.Tests.Pipeline;

/// <summary>
/// The single-active-classifier lease over one blob store: one holder at a time, renewal keeps it, a standby takes
/// it over only after it expired or was released, every new holder raises the epoch, and a host taking over after
/// someone else's turn reloads the story index before it classifies.
/// </summary>
public sealed class ClassifierLeaseTests
{
    private static readonly TimeSpan Duration = new PipelineOptions().ClassifierLeaseDuration;

    private static ClassifierLease Lease(PipelineRig rig, StoryIndex? index = null) =>
        new(rig.Blobs, index ?? rig.Index, rig.Options, rig.Time, NullLogger<ClassifierLease>.Instance);

    private static async Task<ClassifierLeaseDocument> StoredAsync(PipelineRig rig) =>
        (await rig.Blobs.GetJsonAsync<ClassifierLeaseDocument>(ClassifierLease.BlobName, default))!.Value;

    [Fact]
    public async Task Only_one_host_holds_the_lease_until_it_expires()
    {
        var rig = new PipelineRig();
        var a = Lease(rig);
        var b = Lease(rig);

        Assert.True(await a.TryHoldAsync(default));
        Assert.False(await b.TryHoldAsync(default));
        Assert.True(a.IsHeld);
        Assert.False(b.IsHeld);
        Assert.Equal((a.HolderId, 1L), ((await StoredAsync(rig)).Holder, (await StoredAsync(rig)).Epoch));

        // A stops renewing (it died): just before expiry B still stands by, at expiry it takes over.
        rig.Time.Advance(Duration - TimeSpan.FromSeconds(1));
        Assert.False(await b.TryHoldAsync(default));
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await b.TryHoldAsync(default));
        Assert.Equal((b.HolderId, 2L), ((await StoredAsync(rig)).Holder, (await StoredAsync(rig)).Epoch));

        // A comes back: it has lost the lease and must not classify.
        Assert.False(a.IsHeld);
        Assert.False(await a.TryHoldAsync(default));
    }

    [Fact]
    public async Task A_holder_that_keeps_renewing_keeps_the_lease()
    {
        var rig = new PipelineRig();
        var a = Lease(rig);
        var b = Lease(rig);
        Assert.True(await a.TryHoldAsync(default));
        for (var step = 0; step < 10; step++)
        {
            rig.Time.Advance(Duration / 2);
            Assert.True(await a.TryHoldAsync(default));
            Assert.False(await b.TryHoldAsync(default));
        }

        var stored = await StoredAsync(rig);
        Assert.Equal(a.HolderId, stored.Holder);
        Assert.Equal(1, stored.Epoch); // renewals keep the epoch
        Assert.True(stored.ExpiresAt > rig.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_released_lease_passes_at_once()
    {
        var rig = new PipelineRig();
        var a = Lease(rig);
        var b = Lease(rig);
        Assert.True(await a.TryHoldAsync(default));
        await a.ReleaseAsync(default);
        Assert.False(a.IsHeld);
        Assert.True(await b.TryHoldAsync(default));
        Assert.Equal(2, (await StoredAsync(rig)).Epoch);
    }

    [Fact]
    public async Task Two_hosts_racing_for_a_free_lease_never_both_win()
    {
        var rig = new PipelineRig();
        var leases = Enumerable.Range(0, 8).Select(_ => Lease(rig)).ToList();
        var won = await Task.WhenAll(leases.Select(l => Task.Run(() => l.TryHoldAsync(default))));
        Assert.Equal(1, won.Count(w => w));
        Assert.Equal(leases[Array.IndexOf(won, true)].HolderId, (await StoredAsync(rig)).Holder);
    }

    [Fact]
    public async Task Taking_over_after_another_holder_loads_the_stories_it_created()
    {
        var rig = new PipelineRig();
        var hostA = Lease(rig);

        // Host B refreshes its index only every hour on its own: only the takeover can show it A's new story.
        var optionsB = new PipelineOptions { MinClassifyTextLength = 10, StoryIndexRefreshInterval = TimeSpan.FromHours(1) };
        var indexB = new StoryIndex(new WordOverlapStoryEngine(), rig.Blobs, optionsB, rig.Time, NullLogger<StoryIndex>.Instance);
        var hostB = new ClassifierLease(rig.Blobs, indexB, optionsB, rig.Time, NullLogger<ClassifierLease>.Instance);
        Assert.True(await hostB.TryHoldAsync(default));
        Assert.Equal(0, indexB.Count);
        await hostB.ReleaseAsync(default);

        // A's turn: it classifies an article that starts a story.
        Assert.True(await hostA.TryHoldAsync(default));
        rig.Fetcher.Serve("https://ferry.example/news/ferry", "Ferry replaces bridge\nA temporary ferry will carry commuters across the river from Monday while the town waits for repairs");
        rig.Fetcher.Serve("https://ferry.example/feed", "https://ferry.example/news/ferry|Ferry replaces bridge", "application/rss+xml");
        rig.Catalog.Feeds.Add(new FeedDefinition { Url = "https://ferry.example/feed", PollInterval = "5m" });
        await rig.Scheduler.ScheduleDueFeedsAsync();
        await rig.RunUntilQuietAsync();
        Assert.Single(rig.Blobs.Names, n => n.StartsWith(BlobLayout.StoriesPrefix, StringComparison.Ordinal));
        await hostA.ReleaseAsync(default);

        await indexB.EnsureFreshAsync(default);
        Assert.Equal(0, indexB.Count); // stale on its own

        Assert.True(await hostB.TryHoldAsync(default));
        Assert.Equal(1, indexB.Count);
        Assert.Equal(3, (await StoredAsync(rig)).Epoch);
    }
}
