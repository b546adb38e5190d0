using System.Diagnostics;

namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Runs an extractor once over a loaded corpus and scores it, on the calling thread. The time of this single pass
/// (thread CPU and wall clock) is kept but includes JIT warm-up; steady-state speed is <see cref="ThroughputMeter"/>'s job.
/// </summary>
public static class ExtractionEvaluator
{
    public static ExtractionEvaluation Evaluate(IArticleExtractor extractor, IReadOnlyList<ExtractionCorpusPage> pages, Action<int>? progress = null)
    {
        var outputs = new ExtractedArticle[pages.Count];
        var cpuBefore = ThreadCpuClock.Now();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < pages.Count; i++)
        {
            outputs[i] = extractor.Extract(pages[i].Html, pages[i].Url);
            progress?.Invoke(i + 1);
        }

        stopwatch.Stop();
        var cpu = ThreadCpuClock.Now() - cpuBefore;
        var scores = pages.Select((page, i) => WordShingleScorer.Score(outputs[i].Text, page.GoldBody)).ToList();
        var results = pages.Select((page, i) => new PageEvaluation(page, scores[i], WordF1Scorer.Score(outputs[i].Text, page.GoldBody), outputs[i], MetadataCheck.Of(page, outputs[i]))).ToList();
        return new ExtractionEvaluation(ExtractionScore.From(scores, stopwatch.Elapsed, cpu), results);
    }
}
