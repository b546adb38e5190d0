using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using FeedWatch.Core.Articles;
using FeedWatch.Core.Articles.Decoding;
using FeedWatch.Evaluation.Articles;

namespace FeedWatch.Benchmarks.Articles;

/// <summary>
/// Extraction from bytes over the whole scrapinghub benchmark (read in place), against plain AngleSharp (default
/// options) parsing the same pages, from bytes and from already-decoded strings, in the same run. Each operation
/// is all 181 pages; the Pages/s column is pages per second on one core.
/// Run: dotnet run -c Release --project benchmarks/FeedWatch.Benchmarks -- --filter '*ArticleExtraction*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ArticleThroughputConfig))]
public class ArticleExtractionBenchmarks
{
    private readonly ArticleExtractor extractor = new();
    private readonly HtmlParser parser = new();
    private IReadOnlyList<ExtractionCorpusPage> pages = [];
    private string[] decoded = [];

    [GlobalSetup]
    public void LoadCorpus()
    {
        pages = ExtractionCorpus.Load(BenchmarkCorpus.Directory);
        decoded = pages.Select(p => HtmlByteDecoder.Decode(p.Html, null, int.MaxValue).Text).ToArray();
    }

    [Benchmark(Description = "extractor, from bytes")]
    public int ExtractAllPages()
    {
        var characters = 0;
        foreach (var page in pages)
        {
            characters += extractor.Extract(page.Html, page.Url).Text.Length;
        }

        return characters;
    }

    [Benchmark(Baseline = true, Description = "AngleSharp ParseDocument(string), decoded strings")]
    public int AngleSharpFromStrings()
    {
        var nodes = 0;
        foreach (var text in decoded)
        {
            using var document = parser.ParseDocument(text);
            nodes += document.ChildNodes.Length;
        }

        return nodes;
    }

    [Benchmark(Description = "AngleSharp ParseDocument, from bytes (our decoder)")]
    public int AngleSharpFromBytes()
    {
        var nodes = 0;
        foreach (var page in pages)
        {
            using var document = parser.ParseDocument(HtmlByteDecoder.Decode(page.Html, null, int.MaxValue).Text);
            nodes += document.ChildNodes.Length;
        }

        return nodes;
    }
}
