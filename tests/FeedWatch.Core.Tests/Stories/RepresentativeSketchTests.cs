using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>
/// A representative's MinHash sketch lives inline in its record, in slab pages of 1,024 records: sketches on every
/// page, at page edges included, are the ones their articles gave (LSH finds the story, the estimate says copy).
/// </summary>
public sealed class RepresentativeSketchTests
{
    [Fact]
    public void Sketches_on_every_slab_page_find_their_story_and_estimate_a_copy()
    {
        const int Stories = 2_100; // representative slots 0–2,099: three pages of 1,024
        var generator = new SyntheticArticles();
        // No source cache: every reuse score is the estimate from the stored sketch.
        var engine = new StoryEngine(new StoryEngineOptions { SourceCacheSize = 0 });
        for (var i = 0; i < Stories; i++)
        {
            engine.Add($"s{i}", generator.Create(i));
        }

        foreach (var i in new[] { 0, 1, 1_022, 1_023, 1_024, 1_025, 2_047, 2_048, 2_099 })
        {
            var copy = generator.Create(i) with { Id = $"copy-{i}", Outlet = "reprinter.example" };
            var best = engine.Explain(copy, 1).Single();
            Assert.Equal($"s{i}", best.StoryId);
            Assert.True(best.Retrieved, $"story {i} is retrieved");
            Assert.True(best.Score.Reuse > 0.95, $"story {i}: reuse {best.Score.Reuse}");
            var match = engine.Match(copy)[0];
            Assert.Equal($"s{i}", match.StoryId);
            Assert.Equal(ReuseRelation.Copy, match.Relation);
            Assert.Equal($"synthetic-{i}", match.SourceArticleId);
        }
    }
}
