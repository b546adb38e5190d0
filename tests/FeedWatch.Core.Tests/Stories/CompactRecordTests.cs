using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The packed story and representative records give back exactly what was stored.</summary>
public sealed class CompactRecordTests
{
    [Theory]
    [InlineData(345)] // +05:45
    [InlineData(-570)] // -09:30
    [InlineData(840)] // +14:00, the largest offset there is
    [InlineData(-720)]
    [InlineData(0)]
    public void A_representative_out_of_the_source_cache_keeps_its_exact_publication_date_and_offset(int offsetMinutes)
    {
        // A one-entry source cache: the origin's text is evicted, so its profile entry is rebuilt from the record alone.
        var engine = new StoryEngine(new StoryEngineOptions { SourceCacheSize = 1 });
        var published = new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(1_234_567);
        var origin = Fixtures.Article("origin", "wire.example", "Bridge", Fixtures.Wire) with { Published = published };
        engine.Add("bridge", origin);
        engine.Add("other", Fixtures.Article("other", "north.example", "Canal", Fixtures.OtherEvent));

        var profile = engine.Add("bridge", Fixtures.Article("own", "local.example", "Witness", Fixtures.OwnWords, hours: 2));

        var stored = profile.Representatives.Single(r => r.Id == "origin");
        Assert.Equal("", stored.Text); // really rebuilt from the record
        Assert.Equal(published, stored.Published);
        Assert.Equal(published.Offset, stored.Published!.Value.Offset);
        Assert.Equal(published.Ticks, stored.Published.Value.Ticks);
        Assert.Equal("wire.example", stored.Outlet);
    }

    [Fact]
    public void A_representative_without_a_date_stays_without_one()
    {
        var engine = new StoryEngine(new StoryEngineOptions { SourceCacheSize = 1 });
        engine.Add("bridge", Fixtures.Article("origin", "wire.example", "Bridge", Fixtures.Wire) with { Published = null });
        engine.Add("other", Fixtures.Article("other", "north.example", "Canal", Fixtures.OtherEvent));
        var profile = engine.Add("bridge", Fixtures.Article("own", "local.example", "Witness", Fixtures.OwnWords));
        Assert.Null(profile.Representatives.Single(r => r.Id == "origin").Published);
    }

    [Fact]
    public void Representatives_move_between_the_record_and_a_block_and_freed_blocks_are_reused()
    {
        var generator = new SyntheticArticles(11);
        var engine = new StoryEngine(new StoryEngineOptions { RepresentativesPerStory = 3 });
        // Distinct synthetic texts: every article is new wording, so each one joins the story's representatives.
        for (var story = 0; story < 40; story++)
        {
            for (var k = 0; k < 1 + (story % 5); k++)
            {
                var profile = engine.Add($"s{story}", generator.Create((story * 10) + k));
                var expected = new[] { (story * 10).ToString() }.Concat(Enumerable.Range(Math.Max(1, k - 1), Math.Min(k, 2)).Select(j => ((story * 10) + j).ToString()));
                Assert.Equal(expected.Select(n => $"synthetic-{n}"), profile.Representatives.Select(r => r.Id));
            }
        }

        // Stories of one article hold their representative in the record, the others in blocks: merging two one-article
        // stories moves both into a block, removing a story frees its block for the next.
        var bytes = engine.EstimateIndexBytes();
        var merged = engine.Merge("s0", "s5");
        Assert.Equal(["synthetic-50", "synthetic-0"], merged.Representatives.Select(r => r.Id));
        for (var round = 0; round < 3; round++)
        {
            engine.Remove("s4");
            StoryProfile? again = null;
            for (var k = 0; k < 5; k++)
            {
                again = engine.Add("s4", generator.Create(1_000 + (round * 10) + k));
            }

            Assert.Equal(3, again!.Representatives.Count);
        }

        // Ids are reclaimed in bulk (a 64 KB page at a time); slots and blocks are reused one for one.
        Assert.True(engine.EstimateIndexBytes() <= bytes + 65_600, $"{engine.EstimateIndexBytes()} bytes after, {bytes} before");
        Assert.Equal(39, engine.ActiveStoryCount);
    }
}
