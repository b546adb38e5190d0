using FeedWatch.Core.Articles;
using FeedWatch.Evaluation.Articles;

namespace FeedWatch.Core.Tests.Articles;

public sealed class CrossValidationTests
{
    [Fact]
    public void Folds_split_by_site_and_ignore_www_and_path()
    {
        var a = DomainFolds.FoldOf(new Uri("https://www.example.org/a/1"));
        Assert.Equal(a, DomainFolds.FoldOf(new Uri("https://example.org/b/2?x=1")));
        Assert.Equal("example.org", DomainFolds.SiteOf(new Uri("https://WWW.Example.org/")));

        var folds = Enumerable.Range(0, 200).Select(i => DomainFolds.FoldOf(new Uri($"https://site{i}.example/"))).ToList();
        Assert.InRange(folds.Count(f => f == 0), 60, 140);
    }

    [Fact]
    public void Each_half_is_scored_with_the_configuration_chosen_on_the_other_half()
    {
        var pages = Enumerable.Range(0, 40).Select(i => Page($"https://site{i}.example/p")).ToList();
        var folds = pages.Select(p => DomainFolds.FoldOf(p.Url)).ToList();
        Assert.Contains(0, folds);
        Assert.Contains(1, folds);

        // "good-on-0" is perfect on fold 0 and empty on fold 1; "good-on-1" the reverse.
        var good0 = new CandidateRun("good-on-0", pages.Select((p, i) => Evaluate(p, folds[i] == 0)).ToList());
        var good1 = new CandidateRun("good-on-1", pages.Select((p, i) => Evaluate(p, folds[i] == 1)).ToList());

        var result = CrossValidation.Run([good0, good1]);

        // Held-out fold 0 is scored with what won on fold 1, which is wrong for fold 0: out-of-fold shows it.
        Assert.Equal("good-on-1", result.Folds[0].Chosen);
        Assert.Equal("good-on-0", result.Folds[1].Chosen);
        Assert.Equal(0, result.OutOfFold.WordF1, 10);
        Assert.Equal(1, result.Folds[0].Tuning.WordF1, 10);
        Assert.Equal(pages.Count, result.Folds.Sum(f => f.HeldOut.Pages));
    }

    private static ExtractionCorpusPage Page(string url) => new("id", new Uri(url), [], "alpha beta gamma delta epsilon");

    private static PageEvaluation Evaluate(ExtractionCorpusPage page, bool right)
    {
        var text = right ? page.GoldBody : "";
        var article = new ExtractedArticle { Text = text };
        return new PageEvaluation(page, WordShingleScorer.Score(text, page.GoldBody), WordF1Scorer.Score(text, page.GoldBody), article, MetadataCheck.Of(page, article));
    }
}
