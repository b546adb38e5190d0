namespace FeedWatch.Core.Feeds.Extensions;

/// <summary>Chooses the "alternate" (human-readable page) link among Atom links: rel=alternate, preferring HTML.</summary>
public static class AlternateLink
{
    public static string? Choose(IReadOnlyList<AtomLinkValue> links)
    {
        AtomLinkValue? first = null;
        foreach (var l in links)
        {
            if (l.Rel == "alternate")
            {
                if (l.Type is null || l.Type.Contains("html", StringComparison.OrdinalIgnoreCase))
                {
                    return l.Href;
                }

                first ??= l;
            }
        }

        return first?.Href;
    }
}
