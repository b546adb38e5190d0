namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Corpus figures: precision averaged over pages with non-empty output, recall averaged over all pages,
/// F1 the harmonic mean of the two averages, and throughput from bytes (per wall-clock second and per CPU second).
/// </summary>
public sealed record ExtractionScore(double Precision, double Recall, int Pages, int EmptyPages, TimeSpan Elapsed, TimeSpan CpuTime)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double PagesPerSecond => Elapsed.TotalSeconds == 0 ? 0 : Pages / Elapsed.TotalSeconds;
    public double PagesPerCpuSecond => CpuTime.TotalSeconds == 0 ? 0 : Pages / CpuTime.TotalSeconds;

    public static ExtractionScore From(IReadOnlyList<PageScore> pages, TimeSpan elapsed, TimeSpan cpuTime = default)
    {
        var nonEmpty = pages.Where(p => p.Predicted > 0).ToList();
        var precision = nonEmpty.Count == 0 ? 0 : nonEmpty.Average(p => p.Precision);
        var recall = pages.Count == 0 ? 0 : pages.Average(p => p.Recall);
        return new ExtractionScore(precision, recall, pages.Count, pages.Count - nonEmpty.Count, elapsed, cpuTime);
    }
}
