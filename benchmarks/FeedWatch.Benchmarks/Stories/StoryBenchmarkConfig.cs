using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FeedWatch.Benchmarks.Stories;

/// <summary>
/// In the benchmark process itself (on the shared machine generating and building a benchmark project exceeds
/// BenchmarkDotNet's build timeout), with enough warm-up for the tiered JIT to finish optimising the hot loops.
/// </summary>
internal sealed class StoryBenchmarkConfig : ManualConfig
{
    public StoryBenchmarkConfig() =>
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(10));
}
