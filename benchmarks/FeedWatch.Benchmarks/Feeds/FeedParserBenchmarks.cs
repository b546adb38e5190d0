using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Benchmarks.Feeds;

/// <summary>
/// Parse throughput on one core over the corpora's real feeds. MB/s = input bytes / mean time (the Throughput column);
/// the small-feed benchmarks parse all 163 gofeed parser/rss inputs per operation, so feeds/s = 163 / mean.
/// Each workload has a same-run baseline: a bare System.Xml.XmlReader pass over the same bytes reading every node and
/// text value (the "XmlReader streaming" reference). On a shared, loaded machine absolute times swing widely;
/// the Ratio column (our parse time / bare reader time, measured side by side) is the load-independent figure.
/// Run: dotnet run -c Release --project benchmarks/FeedWatch.Benchmarks -- --filter '*FeedParserBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FeedParserBenchmarks
{

    private readonly FeedParser parser = new();
    private byte[] largeRss = [];
    private byte[] largeAtom = [];
    private byte[][] small = [];

    [GlobalSetup]
    public void Setup()
    {
        largeRss = FeedCorpus.Read("miniflux", "large_rss.xml");
        largeAtom = FeedCorpus.Read("miniflux", "large_atom.xml");
        small = FeedCorpus.SmallGofeedRss();
        var smallBytes = small.Sum(s => (long)s.Length);
        ThroughputColumn.Register(nameof(LargeRss), largeRss.Length, 1);
        ThroughputColumn.Register(nameof(BareXmlReaderLargeRss), largeRss.Length, 1);
        ThroughputColumn.Register(nameof(LargeAtom), largeAtom.Length, 1);
        ThroughputColumn.Register(nameof(BareXmlReaderLargeAtom), largeAtom.Length, 1);
        ThroughputColumn.Register(nameof(SmallGofeedRss), smallBytes, small.Length);
        ThroughputColumn.Register(nameof(BareXmlReaderSmallGofeedRss), smallBytes, small.Length);
    }

    [Benchmark]
    [BenchmarkCategory("large_rss")]
    public int LargeRss() => parser.Parse(largeRss).Items.Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("large_rss")]
    public int BareXmlReaderLargeRss() => BareXmlReaderBaseline.ReadAll(largeRss);

    [Benchmark]
    [BenchmarkCategory("large_atom")]
    public int LargeAtom() => parser.Parse(largeAtom).Items.Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("large_atom")]
    public int BareXmlReaderLargeAtom() => BareXmlReaderBaseline.ReadAll(largeAtom);

    [Benchmark]
    [BenchmarkCategory("small_rss")]
    public int SmallGofeedRss()
    {
        var items = 0;
        foreach (var feed in small)
        {
            try
            {
                items += parser.Parse(feed).Items.Count;
            }
            catch (FeedParseException)
            {
                // a few corpus inputs hold no feed; rejecting them is part of the work
            }
        }

        return items;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("small_rss")]
    public int BareXmlReaderSmallGofeedRss() => BareXmlReaderBaseline.ReadAll(small);
}
