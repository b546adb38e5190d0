using BenchmarkDotNet.Attributes;
using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Text;

namespace FeedWatch.Benchmarks.Stories;

/// <summary>
/// The fingerprinting half of a story match, piece by piece, on the synthetic 500–800-word articles `eval speed` uses:
/// tokenising, word 3-grams (hash, sort, distinct), the MinHash sketch, both in the one pass the fingerprinter makes, and the whole fingerprint (tokens, 3-grams,
/// MinHash, term counting, topic selection with its count-min reads) against a sketch filled with 20,000 stories'
/// topics. Each operation is one pass over 200 articles; divide the mean by 200 for one article.
/// Run: dotnet run -c Release --project benchmarks/FeedWatch.Benchmarks -- --filter '*Fingerprint*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(StoryBenchmarkConfig))]
public class FingerprintBenchmarks
{
    private const int Articles = 200;
    private StoryArticle[] articles = [];
    private AnalyzedText[] analyzed = [];
    private ulong[][] shingles = [];
    private ArticleFingerprinter fingerprinter = null!;

    [GlobalSetup]
    public void CreateArticles()
    {
        var generator = new SyntheticArticles();
        articles = [.. Enumerable.Range(0, Articles).Select(i => generator.Create(1_000_000 + i))];
        analyzed = [.. articles.Select(a => TextAnalyzer.Analyze(a.Text))];
        shingles = [.. analyzed.Select(a => ShingleSet.WordGrams(a.Tokens, 3))];
        var frequencies = new DocumentFrequencies();
        var options = new StoryEngineOptions();
        var filler = new ArticleFingerprinter(options, new DocumentFrequencies());
        for (var i = 0; i < 20_000; i++)
        {
            frequencies.Observe(filler.Build(generator.Create(i)).Topic.Terms);
        }

        fingerprinter = new ArticleFingerprinter(options, frequencies);
    }

    [Benchmark(Description = "tokenise")]
    public int Tokenise()
    {
        var tokens = 0;
        foreach (var article in articles)
        {
            tokens += TextAnalyzer.Analyze(article.Text).Tokens.Length;
        }

        return tokens;
    }

    [Benchmark(Description = "word 3-grams")]
    public int WordGrams()
    {
        var grams = 0;
        foreach (var text in analyzed)
        {
            grams += ShingleSet.WordGrams(text.Tokens, 3).Length;
        }

        return grams;
    }

    [Benchmark(Description = "MinHash")]
    public int MinHash()
    {
        var filled = 0;
        foreach (var grams in shingles)
        {
            filled += MinHashSketch.Build(grams)[0];
        }

        return filled;
    }

    [Benchmark(Description = "word 3-grams + MinHash, one pass")]
    public int WordGramsWithMinHash()
    {
        // What the fingerprinter does: the MinHash is taken while the 3-grams are hashed.
        var filled = 0;
        Span<ushort> sketch = stackalloc ushort[MinHashSketch.Bins];
        foreach (var text in analyzed)
        {
            sketch.Fill(MinHashSketch.Empty);
            filled += ShingleSet.WordGrams(text.Tokens, 3, sketch).Length + sketch[0];
        }

        return filled;
    }

    [Benchmark(Description = "whole fingerprint")]
    public int Fingerprint()
    {
        var terms = 0;
        foreach (var article in articles)
        {
            terms += fingerprinter.Build(article).Topic.Count;
        }

        return terms;
    }
}
