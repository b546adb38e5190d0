namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// Collects parse problems once each (a feed with a thousand &amp;nbsp; gets one entry, not a thousand),
/// capped so a hostile document cannot grow the list without bound.
/// </summary>
public sealed class ProblemLog
{
    private const int Limit = 50;
    private readonly List<string> items = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public int Count => items.Count;

    public IReadOnlyList<string> Items => items;

    public void Add(string problem)
    {
        if (items.Count < Limit && seen.Add(problem))
        {
            items.Add(problem);
        }
    }
}
