using FeedWatch.Core.Feeds.Rss;

namespace FeedWatch.Core.Feeds.Extensions;

/// <summary>
/// Chooses the "alternate" (human-readable page) link among Atom links: rel=alternate, preferring HTML. A link to a
/// file the item encloses (a podcast's MP3 given as an untyped alternate or as a permalink guid) is never the
/// item's page.
/// </summary>
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

    /// <summary>As <see cref="Choose(IReadOnlyList{AtomLinkValue})"/>, skipping links to the item's enclosures.</summary>
    internal static string? Choose(IReadOnlyList<AtomLinkValue> links, IReadOnlyList<RssEnclosure> enclosures, ExtensionValues x) =>
        Choose(links, enclosures, x.AtomLinks, x);

    /// <summary>For an Atom entry: skips alternates that point at one of the entry's rel="enclosure" links or media.</summary>
    internal static string? ChooseForEntry(IReadOnlyList<AtomLinkValue> entryLinks, ExtensionValues x) =>
        Choose(entryLinks, [], entryLinks, x);

    /// <summary>True when <paramref name="url"/> is one of the item's enclosures (RSS, Atom rel=enclosure or Media RSS).</summary>
    internal static bool IsEnclosure(string url, IReadOnlyList<RssEnclosure> enclosures, ExtensionValues x) =>
        IsEnclosure(url, enclosures, x.AtomLinks, x);

    private static string? Choose(IReadOnlyList<AtomLinkValue> links, IReadOnlyList<RssEnclosure> enclosures, IReadOnlyList<AtomLinkValue> enclosureLinks, ExtensionValues x)
    {
        AtomLinkValue? first = null;
        foreach (var l in links)
        {
            if (l.Rel == "alternate" && !IsEnclosure(l.Href, enclosures, enclosureLinks, x))
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

    private static bool IsEnclosure(string url, IReadOnlyList<RssEnclosure> enclosures, IReadOnlyList<AtomLinkValue> enclosureLinks, ExtensionValues x)
    {
        foreach (var e in enclosures)
        {
            if (e.Url == url)
            {
                return true;
            }
        }

        foreach (var l in enclosureLinks)
        {
            if (l.Rel == "enclosure" && l.Href == url)
            {
                return true;
            }
        }

        foreach (var m in x.MediaContents)
        {
            if (m.Url == url)
            {
                return true;
            }
        }

        return false;
    }
}
