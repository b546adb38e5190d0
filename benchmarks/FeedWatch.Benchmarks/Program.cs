using BenchmarkDotNet.Running;
using FeedWatch.Benchmarks.Feeds;

if (args is ["feeds-cpu", .. var rest])
{
    // Feed parse throughput per CPU-second beside a same-run XmlReader and CodeHollow baseline (see FeedCpuThroughput);
    // exit code 1 when FeedWatch is under its speed floor over CodeHollow.
    Environment.ExitCode = FeedCpuThroughput.Run(rest) ? 0 : 1;
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
