namespace FeedWatch.Cli.Load;

/// <summary>
/// One `eval load --hosts` run: N `feedwatch run --until-quiet` processes on one store. Throughput is distinct
/// articles stored per CPU-second summed over the host processes.
/// </summary>
public sealed record HostsRunFigures(
    int Hosts,
    int ArticlesStored,
    int DuplicateArticles,
    int MissingArticles,
    int Stories,
    double BCubedPrecisionVsGold,
    double BCubedRecallVsGold,
    double BCubedF1VsGold,
    double ElapsedSeconds,
    double HostCpuSeconds,
    IReadOnlyList<int> ExitCodes)
{
    public double ArticlesPerCpuSecond => HostCpuSeconds > 0 ? ArticlesStored / HostCpuSeconds : 0;

    public bool StoredExactlyOnce => DuplicateArticles == 0 && MissingArticles == 0;
}
