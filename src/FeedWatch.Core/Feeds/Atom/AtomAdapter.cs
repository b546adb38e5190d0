using FeedWatch.Core.Feeds.Date;
using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Atom;

/// <summary>
/// Maps the raw Atom feed onto <see cref="ParsedFeed"/>. Each field takes the feed's own Atom element first, then the
/// other Atom version's element, then Dublin Core. Entries without an author inherit their &lt;source&gt;'s, then the feed's.
/// </summary>
public static class AtomAdapter
{
    public static ParsedFeed ToParsedFeed(AtomFeed feed, ProblemLog problems)
    {
        var fx = feed.Extensions;
        var items = new FeedItem[feed.Entries.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ToItem(feed.Entries[i], feed, problems);
        }

        return new ParsedFeed
        {
            Format = feed.IsAtom03 ? FeedFormat.Atom03 : FeedFormat.Atom10,
            Title = TextValues.NullIfEmpty(feed.Title) ?? fx.AtomTitle ?? fx.DcTitle,
            Link = AlternateLink.Choose(feed.Links) ?? AlternateLink.Choose(fx.AtomLinks),
            Description = TextValues.NullIfEmpty(feed.Subtitle) ?? fx.AtomSubtitle ?? fx.DcDescription,
            Language = LanguageTag.Normalize(feed.Language ?? fx.DcLanguage),
            Updated = DateReader.Read(feed.Updated, "feed updated", problems)
                ?? DateReader.Read(fx.AtomUpdated, "feed atom:updated", problems)
                ?? DateReader.Read(fx.DcModified ?? fx.DcDate, "feed dc:date", problems),
            Authors = FeedAuthors(feed),
            Image = (feed.Logo ?? feed.Icon) is { } image ? new FeedImage(image, null, null) : null,
            Items = items,
        };
    }

    private static FeedItem ToItem(AtomEntry entry, AtomFeed feed, ProblemLog problems)
    {
        var x = entry.Extensions;
        IReadOnlyList<FeedPerson> authors = entry.Authors.Count > 0 ? entry.Authors
            : x.AtomAuthors.Count > 0 ? x.AtomAuthors
            : x.DcCreators.Count > 0 ? PersonText.ParseAll(x.DcCreators)
            : entry.SourceAuthors.Count > 0 ? entry.SourceAuthors
            : FeedAuthors(feed);
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
        var published = DateReader.Read(entry.Published, "entry published", problems)
            ?? DateReader.Read(x.AtomPublished ?? x.AtomCreated, "entry published", problems)
            ?? DateReader.Read(x.DcDate ?? (feed.IsAtom03 ? entry.Updated : null), "entry dc:date", problems);
        return new FeedItem
        {
            Id = entry.Id,
            Title = TextValues.NullIfEmpty(entry.Title) ?? x.AtomTitle ?? x.DcTitle ?? x.MediaTitle,
            Link = x.FeedBurnerOrigLink ?? AlternateLink.ChooseForEntry(entry.Links, x) ?? AlternateLink.Choose(x.AtomLinks),
            Summary = TextValues.NullIfEmpty(entry.Summary) ?? x.AtomSummary ?? x.DcDescription ?? x.MediaDescription,
            Content = TextValues.NullIfEmpty(entry.Content) ?? x.AtomContent ?? x.ContentEncoded,
            Published = published,
            Updated = DateReader.Read(entry.Updated, "entry updated", problems)
                ?? DateReader.Read(x.AtomUpdated, "entry updated", problems)
                ?? DateReader.Read(x.DcModified, "entry dcterms:modified", problems),
            Authors = authors,
            Categories = entry.Categories.Count > 0 ? entry.Categories : x.DcSubjects,
            Enclosures = enclosures ?? (IReadOnlyList<FeedEnclosure>)[],
        };
    }

    private static IReadOnlyList<FeedPerson> FeedAuthors(AtomFeed feed) =>
        feed.Authors.Count > 0 ? feed.Authors
        : feed.Extensions.AtomAuthors.Count > 0 ? feed.Extensions.AtomAuthors
        : PersonText.ParseAll(feed.Extensions.DcCreators);
}
