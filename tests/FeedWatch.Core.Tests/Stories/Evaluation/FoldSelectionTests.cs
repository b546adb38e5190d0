using FeedWatch.Evaluation.Stories;

namespace FeedWatch.Core.Tests.Stories.Evaluation;

public sealed class FoldSelectionTests
{
    private static StoryCorpusScore Score(double f1) => new(new PrecisionRecall(f1, f1), new PrecisionRecall(f1, f1), new PrecisionRecall(f1, f1), 10, 2, 2);

    [Fact]
    public void Out_of_fold_uses_the_candidate_chosen_without_the_held_out_unit()
    {
        // Candidate "fit" is best only on c (it was tuned there); "general" is best on a and b.
        string[] candidates = ["general", "fit"];
        IReadOnlyDictionary<string, StoryCorpusScore>[] scores =
        [
            new Dictionary<string, StoryCorpusScore> { ["a"] = Score(0.9), ["b"] = Score(0.9), ["c"] = Score(0.80) },
            new Dictionary<string, StoryCorpusScore> { ["a"] = Score(0.7), ["b"] = Score(0.7), ["c"] = Score(0.99) },
        ];
        var objectives = new Dictionary<string, FoldObjective> { ["a"] = FoldObjective.BCubedF1, ["b"] = FoldObjective.BCubedF1, ["c"] = FoldObjective.BCubedF1 };

        var results = FoldSelection.Evaluate(candidates, scores, objectives, [new FoldSplit("c", ["a", "b"])], held => [held]);

        var c = Assert.Single(results);
        Assert.Equal("fit", c.InFoldCandidate);
        Assert.Equal(0.99, c.InFoldObjective, 6);
        Assert.Equal("general", c.OutOfFoldCandidate);
        Assert.Equal(0.80, c.OutOfFoldObjective, 6);
    }

    [Fact]
    public void Ties_keep_the_earlier_candidate_and_spread_units_are_judged_by_spread_f1()
    {
        var spreadOnly = new StoryCorpusScore(new PrecisionRecall(0.1, 0.1), new PrecisionRecall(0.1, 0.1), new PrecisionRecall(0.95, 0.95), 10, 2, 2);
        IReadOnlyDictionary<string, StoryCorpusScore>[] scores =
        [
            new Dictionary<string, StoryCorpusScore> { ["s"] = spreadOnly },
            new Dictionary<string, StoryCorpusScore> { ["s"] = spreadOnly },
        ];

        Assert.Equal(0, FoldSelection.Choose(scores, new Dictionary<string, FoldObjective> { ["s"] = FoldObjective.SpreadF1 }, ["s"]));
        Assert.Equal(0.95, FoldSelection.ObjectiveOf(spreadOnly, FoldObjective.SpreadF1), 6);
    }

    [Fact]
    public void A_fold_that_trains_on_its_held_out_unit_is_refused()
    {
        IReadOnlyDictionary<string, StoryCorpusScore>[] scores = [new Dictionary<string, StoryCorpusScore> { ["a"] = Score(0.5) }];
        Assert.Throws<ArgumentException>(() => FoldSelection.Evaluate(["x"], scores, new Dictionary<string, FoldObjective> { ["a"] = FoldObjective.BCubedF1 }, [new FoldSplit("a", ["a"])], h => [h]));
    }

    [Fact]
    public void Topic_halves_keep_each_topic_whole_and_deal_topics_alternately()
    {
        var corpus = new[] { "t-1_e1", "t-1_e2", "t-2_e1", "t-3_e1", "t-10_e1", "t-10_e2" }
            .Select((story, i) => new CorpusArticle($"a{i}", story, "o", null, null, "title", "text", null)).ToList();

        var (first, second) = TopicHalves.Split(corpus);

        // Ordered by number: 1, 2, 3, 10 → first half {1, 3}, second {2, 10}.
        Assert.Equal(["t-1", "t-3"], first.Select(TopicHalves.TopicOf).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["t-10", "t-2"], second.Select(TopicHalves.TopicOf).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(corpus.Count, first.Count + second.Count);
    }
}
