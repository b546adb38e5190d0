using FeedWatch.Core.Feeds.Date;
using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Rdf;

/// <summary>
/// Maps RSS 1.0 / 0.90 onto <see cref="ParsedFeed"/>: the format's own elements first, then Atom (0.3 or 1.0), then
/// Dublin Core — which is where RSS 1.0 keeps its dates, authors and subjects.
/// </summary>
public static class RdfAdapter
{
    public static ParsedFeed ToParsedFeed(RdfFeed feed, ProblemLog problems)
    {
        var x = feed.Extensions;
        var items = new FeedItem[feed.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var item = feed.Items[i];
            var ix = item.Extensions;
            items[i] = new FeedItem
            {
                Id = ix.AtomId ?? ix.DcIdentifier,
                Title = TextValues.NullIfEmpty(item.Title) ?? ix.AtomTitle ?? ix.DcTitle ?? item.Title,
                Link = ix.FeedBurnerOrigLink ?? item.Link ?? AlternateLink.Choose(ix.AtomLinks, [], ix),
                Summary = TextValues.NullIfEmpty(item.Description) ?? ix.AtomSummary ?? ix.DcDescription,
                Content = TextValues.NullIfEmpty(ix.ContentEncoded) ?? ix.AtomContent,
                Published = DateReader.Read(ix.AtomPublished ?? ix.AtomCreated, "item atom:published", problems)
                    ?? DateReader.Read(ix.DcDate, "item dc:date", problems),
                Updated = DateReader.Read(ix.AtomUpdated, "item atom:updated", problems)
                    ?? DateReader.Read(ix.DcModified, "item dcterms:modified", problems),
                Authors = ix.AtomAuthors.Count > 0 ? ix.AtomAuthors : PersonText.ParseAll(ix.DcCreators),
                Categories = ix.DcSubjects,
                Enclosures = Enclosures(ix.MediaContents),
            };
        }

        return new ParsedFeed
        {
            Format = feed.IsRss090 ? FeedFormat.Rss090 : FeedFormat.Rss10,
            Title = TextValues.NullIfEmpty(feed.Title) ?? x.AtomTitle ?? x.DcTitle ?? feed.Title,
            Link = feed.Link ?? AlternateLink.Choose(x.AtomLinks),
            Description = TextValues.NullIfEmpty(feed.Description) ?? x.AtomSubtitle ?? x.DcDescription,
            Language = x.DcLanguage,
            Updated = DateReader.Read(x.AtomUpdated, "channel atom:updated", problems)
                ?? DateReader.Read(x.DcDate ?? x.DcModified, "channel dc:date", problems),
            Authors = x.AtomAuthors.Count > 0 ? x.AtomAuthors : PersonText.ParseAll(x.DcCreators),
            Image = feed.ImageUrl is { } url ? new FeedImage(url, null, null) : null,
            Items = items,
        };
    }

    private static IReadOnlyList<FeedEnclosure> Enclosures(IReadOnlyList<MediaObject> media)
    {
        if (media.Count == 0)
        {
            return [];
        }

        var list = new List<FeedEnclosure>(media.Count);
        foreach (var m in media)
        {
            list.Add(new FeedEnclosure(m.Url, m.Type, m.FileSize));
        }

        return list;
    }
}
