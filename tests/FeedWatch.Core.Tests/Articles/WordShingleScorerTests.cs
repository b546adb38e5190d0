using FeedWatch.Evaluation.Articles;

namespace FeedWatch.Core.Tests.Articles;

public sealed class WordShingleScorerTests
{
    [Fact]
    public void Identical_texts_match_fully_regardless_of_punctuation_and_spacing()
    {
        var score = WordShingleScorer.Score("one, two three\n\nfour five", "one two  three four five!");

        Assert.Equal(new PageScore(2, 2, 2), score);
    }

    [Fact]
    public void Shingles_are_multisets_and_case_sensitive()
    {
        // "a b c d" appears twice in the prediction but once in gold: only one match counts.
        var score = WordShingleScorer.Score("a b c d a b c d", "a b c d E F");

        Assert.Equal(1, score.Matched);
        Assert.Equal(5, score.Predicted);
        Assert.Equal(3, score.Gold);
        Assert.Equal(0, WordShingleScorer.Score("A B C D", "a b c d").Matched);
    }

    [Fact]
    public void Corpus_precision_ignores_empty_outputs_but_recall_counts_them()
    {
        var score = ExtractionScore.From([new PageScore(1, 1, 2), new PageScore(0, 0, 4)], TimeSpan.FromSeconds(1));

        Assert.Equal(1.0, score.Precision, 6);
        Assert.Equal(0.25, score.Recall, 6);
        Assert.Equal(0.4, score.F1, 6);
    }
}
