namespace FeedWatch.Cli.Load;

/// <summary>
/// What a load run did and measured. "Lost" counts served items that were never stored; "unexpected" stored
/// articles the corpus never served. Alert counts are alert documents; every reprint outlet must appear exactly once.
/// </summary>
public sealed record LoadRunReport(
    int Feeds,
    int Cycles,
    int ItemsServed,
    int ArticlesStored,
    int DuplicateArticles,
    int LostArticles,
    int UnexpectedArticles,
    int ExpectedAlerts,
    int Alerts,
    int DuplicateAlerts,
    int MissingAlerts,
    int StageMessagesLeft,
    int PoisonMessages,
    long MessagesHandled,
    TimeSpan Elapsed,
    TimeSpan CpuTime,
    long PeakWorkingSetBytes,
    string LoadAverage)
{
    public bool NothingLost =>
        LostArticles == 0 && DuplicateArticles == 0 && UnexpectedArticles == 0 && DuplicateAlerts == 0 && MissingAlerts == 0 &&
        Alerts == ExpectedAlerts && StageMessagesLeft == 0 && PoisonMessages == 0;

    public double ArticlesPerSecond => ArticlesStored / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double ArticlesPerCpuSecond => ArticlesStored / Math.Max(CpuTime.TotalSeconds, 1e-9);

    public double MessagesPerSecond => MessagesHandled / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
