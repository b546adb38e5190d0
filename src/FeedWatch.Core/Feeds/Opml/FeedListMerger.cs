using FeedWatch.Core.Configuration;
using FeedWatch.Core.Pipeline.Identity;

namespace FeedWatch.Core.Feeds.Opml;

/// <summary>
/// Merges imported feeds into a feed list. A feed is already listed when its URL matches after canonicalisation,
/// ignoring http vs https (old OPML exports still carry http:// for feeds that moved to https). What the user wrote
/// always wins: an existing entry only gains fields it lacks (name, site, category) and tags it does not have.
/// </summary>
public static class FeedListMerger
{
    /// <summary>Adds or merges <paramref name="incoming"/> into <paramref name="feeds"/> (in place, new feeds appended in order).</summary>
    public static FeedListMergeResult Merge(IList<FeedDefinition> feeds, IEnumerable<FeedDefinition> incoming)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(incoming);
        var byKey = new Dictionary<string, FeedDefinition>(StringComparer.Ordinal);
        foreach (var feed in feeds)
        {
            byKey.TryAdd(Key(feed.Url), feed);
        }

        int added = 0, present = 0, enriched = 0;
        foreach (var feed in incoming)
        {
            if (byKey.TryGetValue(Key(feed.Url), out var existing))
            {
                present++;
                enriched += Enrich(existing, feed) ? 1 : 0;
                continue;
            }

            feeds.Add(feed);
            byKey[Key(feed.Url)] = feed;
            added++;
        }

        return new FeedListMergeResult(added, present, enriched);
    }

    /// <summary>The identity of a feed URL for duplicate detection: canonical URL without its scheme.</summary>
    public static string Key(string url)
    {
        var canonical = UrlCanonicalizer.Canonicalize(url ?? "");
        var schemeEnd = canonical.IndexOf("://", StringComparison.Ordinal);
        return schemeEnd >= 0 ? canonical[(schemeEnd + 3)..] : canonical;
    }

    private static bool Enrich(FeedDefinition existing, FeedDefinition incoming)
    {
        var changed = false;
        if (existing.Name is null && incoming.Name is not null)
        {
            existing.Name = incoming.Name;
            changed = true;
        }

        if (existing.SiteUrl is null && incoming.SiteUrl is not null)
        {
            existing.SiteUrl = incoming.SiteUrl;
            changed = true;
        }

        if (existing.Category is null && incoming.Category is not null)
        {
            existing.Category = incoming.Category;
            changed = true;
        }

        var newTags = (incoming.Tags ?? []).Where(t => !(existing.Tags ?? []).Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        if (newTags.Count > 0)
        {
            existing.Tags = [.. existing.Tags ?? [], .. newTags];
            changed = true;
        }

        return changed;
    }
}
