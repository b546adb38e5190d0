using FeedWatch.Evaluation.Articles;

namespace FeedWatch.Core.Tests.Articles;

public sealed class WordF1ScorerTests
{
    [Fact]
    public void Words_are_lower_cased_and_counted_as_multisets()
    {
        var score = WordF1Scorer.Score("The cat, the CAT and a dog", "the cat sat on the mat");

        // extracted: the×2 cat×2 and a dog (7); gold: the×2 cat sat on mat (6); common: the×2 + cat×1 = 3
        Assert.Equal(3, score.Common);
        Assert.Equal(7, score.Predicted);
        Assert.Equal(6, score.Gold);
        Assert.Equal(2.0 * (3.0 / 7) * (3.0 / 6) / ((3.0 / 7) + (3.0 / 6)), score.F1, 10);
    }

    [Fact]
    public void Empty_output_scores_zero()
    {
        var score = WordF1Scorer.Score("", "some gold text");

        Assert.Equal(0, score.F1);
        Assert.Equal(0, score.Recall);
    }

    [Fact]
    public void Identical_text_scores_one_whatever_the_punctuation_and_spacing()
    {
        Assert.Equal(1, WordF1Scorer.Score("Hello,   world!\n\nSecond line.", "hello world second line").F1, 10);
    }
}
