using FeedWatch.Core.Stories;
using FeedWatch.Stories;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>
/// Matching an article against a story that already holds it as a representative (consolidation re-checks and
/// restarts do this): that representative is the article itself and must not count as reuse, whether its text is in
/// the source cache (exact overlap) or not (MinHash estimate, where the id is compared only when that representative
/// would become the best so far), and wherever it sits among the story's representatives.
/// </summary>
public sealed class ArticleAlreadyInStoryTests
{
    private static readonly StoryArticle WireArticle = Fixtures.Article("wire-1", "wire.example", "Footbridge collapses in Eastbrook", Fixtures.Wire);
    private static readonly StoryArticle SpunArticle = Fixtures.Article("spun-1", "spinner.example", "Eastbrook footbridge falls", Fixtures.Spun, 30);

    public static TheoryData<int, bool> Cases() => new()
    {
        { 0, true }, { 0, false }, { 2048, true }, { 2048, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_article_itself_is_skipped_and_the_other_representative_gives_the_reuse(int sourceCacheSize, bool articleFirst)
    {
        var options = new StoryEngineOptions { SourceCacheSize = sourceCacheSize };
        var both = new StoryEngine(options);
        both.Add("bridge", articleFirst ? WireArticle : SpunArticle);
        var profile = both.Add("bridge", articleFirst ? SpunArticle : WireArticle);
        Assert.Equal(2, profile.Representatives.Count); // the spun copy is new wording: both are representatives
        var spunOnly = new StoryEngine(options);
        spunOnly.Add("bridge", SpunArticle);

        var held = both.Explain(WireArticle, 1).Single().Score;
        var reference = spunOnly.Explain(WireArticle, 1).Single().Score;

        // Against the spun copy alone the wire text is a partial reuse; its own representative (overlap 1) is not counted.
        Assert.InRange(reference.Reuse, 0.05, 0.95);
        Assert.Equal(reference.Reuse, held.Reuse);
        Assert.True(held.BestRepresentative >= 0);
        var match = Assert.Single(both.Match(WireArticle));
        Assert.NotEqual(ReuseRelation.Copy, match.Relation);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2048)]
    public void A_story_holding_only_the_article_gives_no_reuse(int sourceCacheSize)
    {
        var engine = new StoryEngine(new StoryEngineOptions { SourceCacheSize = sourceCacheSize });
        engine.Add("bridge", WireArticle);

        var score = engine.Explain(WireArticle, 1).Single().Score;
        var copy = engine.Explain(WireArticle with { Id = "wire-copy" }, 1).Single().Score;

        Assert.Equal(0, score.Reuse);
        Assert.Equal(-1, score.BestRepresentative);
        Assert.True(copy.Reuse > 0.95, $"the same text under another id is a copy: {copy.Reuse}");
        var match = Assert.Single(engine.Match(WireArticle));
        Assert.Equal(ReuseRelation.Independent, match.Relation);
        Assert.Equal(ReuseRelation.Copy, Assert.Single(engine.Match(WireArticle with { Id = "wire-copy" })).Relation);
    }
}
