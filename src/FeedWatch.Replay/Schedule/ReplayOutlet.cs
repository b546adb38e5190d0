namespace FeedWatch.Replay.Schedule;

/// <summary>One outlet of the replay: its host name and its articles in release order.</summary>
public sealed class ReplayOutlet(string outlet, string hostName, IReadOnlyList<ReplayArticle> articles)
{
    public string Outlet { get; } = outlet;
    public string HostName { get; } = hostName;
    public IReadOnlyList<ReplayArticle> Articles { get; } = articles;

    /// <summary>How many of this outlet's articles are out after <paramref name="elapsed"/> (articles are sorted by release).</summary>
    public int ReleasedCount(TimeSpan elapsed)
    {
        int low = 0, high = Articles.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Articles[mid].ReleaseOffset <= elapsed)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
