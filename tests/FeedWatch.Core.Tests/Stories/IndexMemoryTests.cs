using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>Expired stories leave their slots, centroid blocks, ids and postings to the stories that come after them.</summary>
public sealed class IndexMemoryTests
{
    [Fact]
    public void Index_memory_stays_flat_when_expired_stories_are_replaced_by_as_many_new_ones()
    {
        const int Stories = 600;
        var generator = new SyntheticArticles();
        var engine = new StoryEngine();
        for (var i = 0; i < Stories; i++)
        {
            engine.Add($"s{i}", Article(generator, i, i));
        }

        var full = engine.EstimateIndexBytes();
        for (var round = 1; round <= 4; round++)
        {
            // Synthetic article n is published n seconds after the epoch: each round starts 40 days after the last.
            var start = round * 3_456_000L;
            Assert.Equal(Stories, engine.Expire(generator.Create(start).Published!.Value));
            Assert.Equal(0, engine.ActiveStoryCount);
            for (var i = 0; i < Stories; i++)
            {
                engine.Add($"round-{round}-story-{i}", Article(generator, start + i, i));
            }

            Assert.Equal(Stories, engine.ActiveStoryCount);
            // Released ids are reclaimed in bulk (when garbage outweighs live ids and a 64 KB page), so the id arena may
            // hold one page more than at the start; everything else is reused slot for slot and block for block.
            Assert.True(engine.EstimateIndexBytes() <= full + 65_600, $"round {round}: {engine.EstimateIndexBytes()} bytes, {full} after the first {Stories} stories");
        }

        // The reused slots hold the new stories: each still finds itself.
        var probe = generator.Create((4 * 3_456_000L) + 17);
        var match = Assert.Single(engine.Match(probe with { Id = "copy", Outlet = "elsewhere.example" }));
        Assert.Equal("round-4-story-17", match.StoryId);
    }

    [Fact]
    public void Repeated_matches_past_many_retrieval_stamp_wraps_give_the_same_candidates()
    {
        // The retrieval scratch marks a story "seen in this match" with a byte stamp that wraps every 255 matches. 255
        // probes matched in turn, three times over: each probe comes back exactly when the stamp value it used last
        // time comes back, and the stories only it retrieves still carry that mark unless the wrap cleared it.
        const int Probes = 255;
        var generator = new SyntheticArticles();
        var engine = new StoryEngine();
        for (var i = 0; i < 300; i++)
        {
            engine.Add($"s{i}", Article(generator, i, i));
        }

        var probes = Enumerable.Range(0, Probes).Select(k => generator.Create(k) with { Id = $"copy-{k}", Outlet = "elsewhere.example" }).ToArray();
        var first = new string[Probes];
        for (var k = 0; k < Probes; k++)
        {
            var matches = engine.Match(probes[k]);
            Assert.Equal($"s{k}", matches[0].StoryId);
            first[k] = Describe(matches);
        }

        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = 0; k < Probes; k++)
            {
                Assert.Equal(first[k], Describe(engine.Match(probes[k])));
            }
        }
    }

    private static string Describe(IReadOnlyList<StoryMatch> matches) =>
        string.Join(";", matches.Select(m => $"{m.StoryId}:{m.Score:R}"));

    /// <summary>The same 50 outlets in every round: outlet names are interned for good (there are a few thousand).</summary>
    private static StoryArticle Article(SyntheticArticles generator, long number, int i) =>
        generator.Create(number) with { Outlet = $"outlet-{i % 50}.example" };
}
