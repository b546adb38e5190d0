using FeedWatch.Evaluation.Stories;

namespace FeedWatch.Core.Tests.Stories;

public sealed class MetricsTests
{
    private static readonly Dictionary<string, string> Gold = new() { ["a"] = "x", ["b"] = "x", ["c"] = "x", ["d"] = "y" };

    [Fact]
    public void Bcubed_matches_hand_computation()
    {
        // pred: {a,b} {c,d}. P: a=1, b=1, c=1/2, d=1/2 -> 0.75. R: a=2/3, b=2/3, c=1/3, d=1 -> 2/3.
        var predicted = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "2", ["d"] = "2" };

        var score = ClusteringMetrics.BCubed(Gold, predicted);

        Assert.Equal(0.75, score.Precision, 6);
        Assert.Equal(2.0 / 3, score.Recall, 6);
    }

    [Fact]
    public void Pairwise_matches_hand_computation()
    {
        // gold pairs: ab ac bc (3). predicted pairs: ab cd (2). true: ab (1).
        var predicted = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "2", ["d"] = "2" };

        var score = ClusteringMetrics.Pairwise(Gold, predicted);

        Assert.Equal(0.5, score.Precision, 6);
        Assert.Equal(1.0 / 3, score.Recall, 6);
    }

    [Fact]
    public void Gold_spread_events_are_first_article_per_outlet_after_the_first()
    {
        var corpus = new[]
        {
            new CorpusArticle("1", "s", "o1", null, null, null, null, null),
            new CorpusArticle("2", "s", "o1", null, null, null, null, null),
            new CorpusArticle("3", "s", "o2", null, null, null, null, null),
            new CorpusArticle("4", "t", "o2", null, null, null, null, null),
            new CorpusArticle("5", "s", "o2", null, null, null, null, null),
        };

        Assert.Equal(["3"], SpreadEvents.Gold(corpus).Order());
    }

    [Fact]
    public void Published_order_keeps_undated_articles_in_file_position()
    {
        var t = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var corpus = new[]
        {
            new CorpusArticle("late", "s", "o", null, t.AddDays(2), null, null, null),
            new CorpusArticle("undated", "s", "o", null, null, null, null, null),
            new CorpusArticle("early", "s", "o", null, t, null, null, null),
        };

        Assert.Equal(["early", "late", "undated"], StoryCorpusReader.InPublishedOrder(corpus).Select(a => a.Id));
    }

    [Fact]
    public void Malformed_corpus_line_names_its_line()
    {
        var error = Assert.Throws<FormatException>(() => StoryCorpusReader.Read(new StringReader("{\"id\":\"a\",\"outlet\":\"o\"}\n{broken")));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
