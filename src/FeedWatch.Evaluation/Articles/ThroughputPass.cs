namespace FeedWatch.Evaluation.Articles;

/// <summary>One timed pass over a corpus: wall clock, the measuring thread's CPU time and the process's.</summary>
public sealed record ThroughputPass(int Pages, TimeSpan Wall, TimeSpan ThreadCpu, TimeSpan ProcessCpu)
{
    /// <summary>Pages per CPU second of the one thread doing the work: the one-core figure.</summary>
    public double PagesPerCpuSecond => ThreadCpu.TotalSeconds == 0 ? 0 : Pages / ThreadCpu.TotalSeconds;

    /// <summary>Pages per CPU second of the whole process (background JIT, GC and other threads charged too).</summary>
    public double PagesPerProcessCpuSecond => ProcessCpu.TotalSeconds == 0 ? 0 : Pages / ProcessCpu.TotalSeconds;

    public double PagesPerWallSecond => Wall.TotalSeconds == 0 ? 0 : Pages / Wall.TotalSeconds;
}
