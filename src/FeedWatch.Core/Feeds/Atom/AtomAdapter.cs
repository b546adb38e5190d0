using FeedWatch.Core.Feeds.Date;
using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Atom;

/// <summary>Maps the raw Atom feed onto <see cref="ParsedFeed"/>; entries without an author inherit the feed's.</summary>
public static class AtomAdapter
{
    public static ParsedFeed ToParsedFeed(AtomFeed feed, ProblemLog problems)
    {
        var items = new FeedItem[feed.Entries.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ToItem(feed.Entries[i], feed, problems);
        }

        return new ParsedFeed
        {
            Format = feed.IsAtom03 ? FeedFormat.Atom03 : FeedFormat.Atom10,
            Title = TextValues.NullIfEmpty(feed.Title),
            Link = AlternateLink.Choose(feed.Links),
            Description = TextValues.NullIfEmpty(feed.Subtitle),
            Language = LanguageTag.Normalize(feed.Language ?? feed.Extensions.DcLanguage),
            Updated = DateReader.Read(feed.Updated, "feed updated", problems),
            Authors = feed.Authors,
            Image = (feed.Logo ?? feed.Icon) is { } image ? new FeedImage(image, null, null) : null,
            Items = items,
        };
    }

    private static FeedItem ToItem(AtomEntry entry, AtomFeed feed, ProblemLog problems)
    {
        var x = entry.Extensions;
        var authors = entry.Authors.Count > 0 ? entry.Authors
            : x.DcCreators.Count > 0 ? PersonText.ParseAll(x.DcCreators)
            : feed.Authors;
        List<FeedEnclosure>? enclosures = null;
        foreach (var l in entry.Links)
        {
            if (l.Rel == "enclosure")
            {
                (enclosures ??= []).Add(new FeedEnclosure(l.Href, l.Type, l.Length));
            }
        }

        foreach (var m in x.MediaContents)
        {
            if (enclosures is null || !enclosures.Exists(e => e.Url == m.Url))
            {
                (enclosures ??= []).Add(new FeedEnclosure(m.Url, m.Type, m.FileSize));
            }
        }

        // Atom 0.3 feeds often carry only <modified>: it is the best publication date there is.
        var published = DateReader.Read(entry.Published ?? x.DcDate ?? (feed.IsAtom03 ? entry.Updated : null), "entry published", problems);
        return new FeedItem
        {
            Id = entry.Id,
            Title = TextValues.NullIfEmpty(entry.Title) ?? x.DcTitle ?? x.MediaTitle,
            Link = x.FeedBurnerOrigLink ?? AlternateLink.Choose(entry.Links),
            Summary = TextValues.NullIfEmpty(entry.Summary) ?? x.MediaDescription,
            Content = TextValues.NullIfEmpty(entry.Content) ?? x.ContentEncoded,
            Published = published,
            Updated = DateReader.Read(entry.Updated, "entry updated", problems),
            Authors = authors,
            Categories = entry.Categories.Count > 0 ? entry.Categories : x.DcSubjects,
            Enclosures = enclosures ?? (IReadOnlyList<FeedEnclosure>)[],
        };
    }
}
