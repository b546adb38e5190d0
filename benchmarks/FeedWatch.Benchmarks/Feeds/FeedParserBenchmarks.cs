using BenchmarkDotNet.Attributes;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Benchmarks.Feeds;

/// <summary>
/// Parse throughput on one core over the corpora's real feeds. MB/s = input bytes / mean time (the Throughput column);
/// the small-feed benchmark parses all 163 gofeed parser/rss inputs per operation, so feeds/s = 163 / mean.
/// Run: dotnet run -c Release --project benchmarks/FeedWatch.Benchmarks -- --filter '*FeedParserBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
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
        ThroughputColumn.Register(nameof(LargeRss), largeRss.Length, 1);
        ThroughputColumn.Register(nameof(LargeAtom), largeAtom.Length, 1);
        ThroughputColumn.Register(nameof(SmallGofeedRss), small.Sum(s => (long)s.Length), small.Length);
    }

    [Benchmark]
    public int LargeRss() => parser.Parse(largeRss).Items.Count;

    [Benchmark]
    public int LargeAtom() => parser.Parse(largeAtom).Items.Count;

    [Benchmark]
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
}
