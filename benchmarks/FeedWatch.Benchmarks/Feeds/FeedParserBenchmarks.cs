using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Benchmarks.Feeds;

/// <summary>
/// Parse throughput on one core over the corpora's real feeds. MB/s = input bytes / mean time (the Throughput column);
/// the small-feed benchmarks parse all 163 gofeed parser/rss inputs per operation, so feeds/s = 163 / mean.
/// Each workload is measured in the same run for FeedWatch, CodeHollow.FeedReader 2.1.1 (the Baseline: the Ratio column
/// is time ÷ CodeHollow's time, so FeedWatch's speed-up over CodeHollow is 1 / Ratio), System.ServiceModel.Syndication
/// 11, and a bare System.Xml.XmlReader pass over the same bytes reading every node and text value (the floor any
/// XmlReader-based parser pays). On a shared, loaded machine absolute times swing widely; the same-run ratios are the
/// load-independent figures.
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
        // The large-feed comparison only means something if every library reads the whole feed.
        foreach (var (name, feed) in new[] { ("large_rss", largeRss), ("large_atom", largeAtom) })
        {
            var expected = parser.Parse(feed).Items.Count;
            if (LibraryBaselines.CodeHollow(feed) != expected || LibraryBaselines.Syndication(feed) != expected)
            {
                throw new InvalidOperationException($"a baseline library does not read all {expected} items of {name}");
            }
        }

        ThroughputColumn.Register(nameof(CodeHollowLargeRss), largeRss.Length, 1);
        ThroughputColumn.Register(nameof(SyndicationLargeRss), largeRss.Length, 1);
        ThroughputColumn.Register(nameof(CodeHollowLargeAtom), largeAtom.Length, 1);
        ThroughputColumn.Register(nameof(SyndicationLargeAtom), largeAtom.Length, 1);
        ThroughputColumn.Register(nameof(CodeHollowSmallGofeedRss), smallBytes, small.Length);
        ThroughputColumn.Register(nameof(SyndicationSmallGofeedRss), smallBytes, small.Length);
    }

    [Benchmark]
    [BenchmarkCategory("large_rss")]
    public int LargeRss() => parser.Parse(largeRss).Items.Count;

    [Benchmark]
    [BenchmarkCategory("large_rss")]
    public int BareXmlReaderLargeRss() => BareXmlReaderBaseline.ReadAll(largeRss);

    [Benchmark]
    [BenchmarkCategory("large_atom")]
    public int LargeAtom() => parser.Parse(largeAtom).Items.Count;

    [Benchmark]
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

    [Benchmark]
    [BenchmarkCategory("small_rss")]
    public int BareXmlReaderSmallGofeedRss() => BareXmlReaderBaseline.ReadAll(small);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("large_rss")]
    public int CodeHollowLargeRss() => LibraryBaselines.CodeHollow(largeRss);

    [Benchmark]
    [BenchmarkCategory("large_rss")]
    public int SyndicationLargeRss() => LibraryBaselines.Syndication(largeRss);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("large_atom")]
    public int CodeHollowLargeAtom() => LibraryBaselines.CodeHollow(largeAtom);

    [Benchmark]
    [BenchmarkCategory("large_atom")]
    public int SyndicationLargeAtom() => LibraryBaselines.Syndication(largeAtom);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("small_rss")]
    public int CodeHollowSmallGofeedRss() => LibraryBaselines.All(small, LibraryBaselines.CodeHollow);

    [Benchmark]
    [BenchmarkCategory("small_rss")]
    public int SyndicationSmallGofeedRss() => LibraryBaselines.All(small, LibraryBaselines.Syndication);
}
