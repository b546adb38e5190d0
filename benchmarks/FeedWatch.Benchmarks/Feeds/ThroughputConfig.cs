using BenchmarkDotNet.Configs;

namespace FeedWatch.Benchmarks.Feeds;

internal sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn(perFeed: false));
        AddColumn(new ThroughputColumn(perFeed: true));
    }
}
