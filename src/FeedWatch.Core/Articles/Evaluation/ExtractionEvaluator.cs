using System.Diagnostics;

namespace FeedWatch.Core.Articles.Evaluation;

/// <summary>
/// Runs an extractor over a loaded corpus and scores it, on the calling thread. Timing covers extraction from bytes
/// only (decoding, parsing, extraction); reading and decompressing the files happens before the clock starts. Both
/// wall-clock and process CPU time are kept: on a shared machine the wall clock mostly measures the neighbours,
/// while CPU time is what one core spends.
/// </summary>
public static class ExtractionEvaluator
{
    public static ExtractionEvaluation Evaluate(IArticleExtractor extractor, IReadOnlyList<ExtractionCorpusPage> pages, Action<int>? progress = null)
    {
        var outputs = new string[pages.Count];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < pages.Count; i++)
        {
            outputs[i] = extractor.Extract(pages[i].Html, pages[i].Url).Text;
            progress?.Invoke(i + 1);
        }

        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var scores = pages.Select((page, i) => WordShingleScorer.Score(outputs[i], page.GoldBody)).ToList();
        var results = pages.Select((page, i) => new PageEvaluation(page.Id, scores[i], outputs[i])).ToList();
        return new ExtractionEvaluation(ExtractionScore.From(scores, stopwatch.Elapsed, cpu), results);
    }
}
