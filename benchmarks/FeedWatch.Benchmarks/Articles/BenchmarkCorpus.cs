using FeedWatch.Evaluation.Articles;

namespace FeedWatch.Benchmarks.Articles;

/// <summary>The shared extraction benchmark, found from the repository root and read in place.</summary>
internal static class BenchmarkCorpus
{
    private static readonly Lazy<int> PageCountValue = new(() => ExtractionCorpus.Load(Directory).Count);

    public static string Directory =>
        ExtractionCorpus.FindDefault(AppContext.BaseDirectory) ?? ExtractionCorpus.FindDefault(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException("Extraction benchmark not found at ../shared/data/extraction/scrapinghub from the repository root.");

    public static int PageCount => PageCountValue.Value;
}
