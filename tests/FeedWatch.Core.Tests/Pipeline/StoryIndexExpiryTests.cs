using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Stories;
using FeedWatch.Core.Tests.Pipeline.Fakes;
using FeedWatch.Core.Tests.Stories;
using FeedWatch.Stories;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Core.Tests.Pipeline;

/// <summary>
/// Quiet stories leave the story index relative to the stream's present (the latest article date seen), not to the
/// wall clock: a replayed or backfilled older stream keeps its stories however long classification runs, and they
/// expire once the stream itself has moved a whole active window past them.
/// </summary>
public sealed class StoryIndexExpiryTests
{
    [Fact]
    public async Task Stories_expire_when_the_stream_has_moved_on_not_when_the_clock_has()
    {
        var published = Fixtures.Article("x", "x.example", "", "").Published!.Value;
        var engine = new StoryEngine();
        var time = new ManualTimeProvider(published + engine.Options.ActiveWindow * 2); // the wall clock is long past the window
        var index = new StoryIndex(engine, new InMemoryBlobStore(), new PipelineOptions { StoryIndexRefreshInterval = TimeSpan.Zero }, time, NullLogger<StoryIndex>.Instance);
        index.Add("bridge", Fixtures.Article("wire-1", "wire.example", "Footbridge collapses in Eastbrook", Fixtures.Wire), null);
        var copy = Fixtures.Article("d-1", "daily.example", "Bridge collapse injures 14", Fixtures.Wire, 2);

        await index.EnsureFreshAsync(default, force: true);
        Assert.Equal("bridge", Assert.Single(index.Match(copy)).StoryId);

        // An article a whole window (and a day) newer moves the stream's present: the bridge story is quiet now.
        index.Match(Fixtures.Article("later", "other.example", "Harbour reopens", "The harbour reopened to ferries on Monday after the storm.", (int)engine.Options.ActiveWindow.TotalHours + 24));
        await index.EnsureFreshAsync(default, force: true);

        // For one grace period of wall-clock time, an article arriving out of order still reaches the quiet story …
        Assert.Equal("bridge", Assert.Single(index.Match(copy)).StoryId);

        // … after it, the story leaves the index.
        time.Advance(new PipelineOptions().StoryExpiryGrace);
        await index.EnsureFreshAsync(default, force: true);
        Assert.Empty(index.Match(copy));
    }
}
