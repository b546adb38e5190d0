using FeedWatch.Reliability.Tests.Support;
using FeedWatch.Replay.Corpus;
using FeedWatch.Replay.Schedule;

namespace FeedWatch.Reliability.Tests.Replay;

public sealed class ReplayPlanTests
{
    private static readonly DateTimeOffset T0 = new(2020, 9, 28, 0, 0, 0, TimeSpan.Zero);

    private static CorpusArticle Article(string id, string outlet, DateTimeOffset? published, string title = "A headline") =>
        new(id, "story-1", outlet, null, published, title, "First paragraph.\nSecond paragraph.", "en");

    [Fact]
    public void Articles_are_released_in_published_order_at_the_chosen_compression()
    {
        var plan = ReplayPlan.Create(
            [Article("late", "b.example", T0.AddHours(2)), Article("first", "a.example", T0), Article("mid", "a.example", T0.AddHours(1))],
            ReplaySpeed.Compressed(3600));

        Assert.Equal(["first", "mid", "late"], plan.Articles.Select(a => a.Article.Id));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], plan.Articles.Select(a => a.ReleaseOffset));
        Assert.Equal(TimeSpan.FromSeconds(2), plan.Duration);
        Assert.Equal(1, plan.ReleasedCount(TimeSpan.FromMilliseconds(999)));
        Assert.Equal(2, plan.ReleasedCount(TimeSpan.FromSeconds(1)));
        Assert.Equal(1, plan.FindOutlet("b.example")!.ReleasedCount(TimeSpan.FromSeconds(2)));
        Assert.Equal(0, plan.FindOutlet("b.example")!.ReleasedCount(TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public void All_at_once_releases_everything_at_start_and_undated_articles_are_already_out()
    {
        var plan = ReplayPlan.Create([Article("x", "a.example", T0.AddDays(3)), Article("y", "a.example", null)], ReplaySpeed.AllAtOnce);
        Assert.Equal(2, plan.ReleasedCount(TimeSpan.Zero));

        var timed = ReplayPlan.Create([Article("x", "a.example", T0.AddDays(3)), Article("y", "a.example", null)], ReplaySpeed.Compressed(1));
        Assert.Equal("y", timed.Articles[0].Article.Id);
        Assert.Equal(TimeSpan.Zero, timed.Articles[0].ReleaseOffset);
    }

    [Fact]
    public void Page_paths_are_unique_per_host_even_for_identical_titles()
    {
        var plan = ReplayPlan.Create(
            [Article("id-1", "a.example", T0, "Same"), Article("id-1b", "a.example", T0, "Same"), Article("id/1", "a.example", T0, "Same")],
            ReplaySpeed.AllAtOnce);
        Assert.Equal(3, plan.Articles.Select(a => a.Path).Distinct().Count());
        Assert.All(plan.Articles, a => Assert.Same(a, plan.FindArticle("a.example", a.Path)));
        Assert.StartsWith("/2020/09/28/same-", plan.Articles[0].Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nytimes.com", "nytimes.com")]
    [InlineData("Seed-A.Example", "seed-a.example")]
    [InlineData("unknown-5_4ecb", "unknown-5-4ecb.example")]
    [InlineData("localhost", "localhost.example")]
    [InlineData("__", "outlet.example")]
    public void Outlet_keys_become_valid_host_names(string outlet, string expected)
    {
        var host = OutletHostNames.For(outlet);
        Assert.Equal(expected, host);
        Assert.Equal(UriHostNameType.Dns, Uri.CheckHostName(host));
    }

    [Theory]
    [InlineData("all", null)]
    [InlineData("0", null)]
    [InlineData("60", 60.0)]
    [InlineData("0.5", 0.5)]
    public void Speed_parses_factors_and_all(string text, double? factor)
    {
        Assert.True(ReplaySpeed.TryParse(text, out var speed));
        Assert.Equal(factor, speed.Factor);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("fast")]
    [InlineData("NaN")]
    [InlineData("")]
    public void Speed_rejects_nonsense(string text) => Assert.False(ReplaySpeed.TryParse(text, out _));

    [Fact]
    public void Corpus_reader_names_the_bad_line()
    {
        var error = Assert.Throws<CorpusFormatException>(() => CorpusReader.Read(new StringReader(
            "{\"id\":\"a\",\"outlet\":\"x.example\",\"title\":\"t\",\"text\":\"b\",\"published\":null}\n\n{\"id\":\"b\",\"outlet\":\"\"}"), "c.jsonl"));
        Assert.Contains("c.jsonl:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("outlet", error.Message, StringComparison.Ordinal);

        var duplicate = Assert.Throws<CorpusFormatException>(() => CorpusReader.Read(new StringReader(
            "{\"id\":\"a\",\"outlet\":\"x\"}\n{\"id\":\"a\",\"outlet\":\"y\"}")));
        Assert.Contains("duplicate", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shared_corpus_loads_and_plans()
    {
        foreach (var name in new[] { "seeds.jsonl", "basil.jsonl", "ecbplus-odd-topics.jsonl", "uci-headlines.jsonl" })
        {
            var corpus = CorpusReader.ReadFile(RepoPaths.SharedData("stories", name));
            var plan = ReplayPlan.Create(corpus, ReplaySpeed.Compressed(3600));
            Assert.Equal(corpus.Count, plan.Articles.Count);
            Assert.Equal(corpus.Select(a => a.Outlet).Distinct().Count(), plan.Outlets.Count);
            Assert.True(plan.Articles.Zip(plan.Articles.Skip(1)).All(p => p.First.ReleaseOffset <= p.Second.ReleaseOffset), name);
        }
    }
}
