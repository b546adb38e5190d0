using BenchmarkDotNet.Running;
using FeedWatch.Benchmarks.Feeds;

if (args is ["feeds-cpu", .. var rest])
{
    // Feed parse throughput per CPU-second beside a same-run XmlReader baseline (see FeedCpuThroughput).
    FeedCpuThroughput.Run(rest);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
