using BenchmarkDotNet.Configs;

namespace FeedWatch.Benchmarks.Feeds;

internal sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn(perFeed: false));
        AddColumn(new ThroughputColumn(perFeed: true));

        // The generated benchmark project is built out of process; on the shared, heavily loaded machine that build
        // alone exceeds BenchmarkDotNet's default two minutes, which would leave every benchmark without a result.
        WithBuildTimeout(TimeSpan.FromMinutes(15));
    }
}
