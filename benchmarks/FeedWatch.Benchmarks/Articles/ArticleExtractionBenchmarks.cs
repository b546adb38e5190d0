using BenchmarkDotNet.Attributes;
using FeedWatch.Core.Articles;
using FeedWatch.Core.Articles.Evaluation;

namespace FeedWatch.Benchmarks.Articles;

/// <summary>
/// Extraction from bytes over the whole scrapinghub benchmark (read in place). Divide the page count by the mean
/// to get pages per second on one core: `dotnet run -c Release --project benchmarks/FeedWatch.Benchmarks -- --filter *ArticleExtraction*`.
/// </summary>
[MemoryDiagnoser]
public class ArticleExtractionBenchmarks
{
    private IReadOnlyList<ExtractionCorpusPage> pages = [];
    private readonly ArticleExtractor extractor = new();

    [GlobalSetup]
    public void LoadCorpus()
    {
        var directory = ExtractionCorpus.FindDefault(AppContext.BaseDirectory) ?? ExtractionCorpus.FindDefault(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException("Extraction benchmark not found at ../shared/data/extraction/scrapinghub from the repository root.");
        pages = ExtractionCorpus.Load(directory);
    }

    [Benchmark(Description = "all benchmark pages, from bytes")]
    public int ExtractAllPages()
    {
        var characters = 0;
        foreach (var page in pages)
        {
            characters += extractor.Extract(page.Html, page.Url).Text.Length;
        }

        return characters;
    }
}
