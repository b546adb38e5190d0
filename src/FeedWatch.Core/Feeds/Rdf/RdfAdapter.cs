using FeedWatch.Core.Feeds.Date;
using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Rdf;

/// <summary>Maps RSS 1.0 / 0.90 onto <see cref="ParsedFeed"/>; dates, authors and subjects come from Dublin Core.</summary>
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
                Id = ix.DcIdentifier,
                Title = item.Title ?? ix.DcTitle,
                Link = ix.FeedBurnerOrigLink ?? item.Link,
                Summary = TextValues.NullIfEmpty(item.Description) ?? ix.DcDescription,
                Content = TextValues.NullIfEmpty(ix.ContentEncoded),
                Published = DateReader.Read(ix.DcDate, "item dc:date", problems),
                Updated = DateReader.Read(ix.DcModified, "item dcterms:modified", problems),
                Authors = PersonText.ParseAll(ix.DcCreators),
                Categories = ix.DcSubjects,
                Enclosures = Enclosures(ix.MediaContents),
            };
        }

        return new ParsedFeed
        {
            Format = feed.IsRss090 ? FeedFormat.Rss090 : FeedFormat.Rss10,
            Title = feed.Title ?? x.DcTitle,
            Link = feed.Link,
            Description = TextValues.NullIfEmpty(feed.Description) ?? x.DcDescription,
            Language = x.DcLanguage,
            Updated = DateReader.Read(x.DcDate ?? x.DcModified, "channel dc:date", problems),
            Authors = PersonText.ParseAll(x.DcCreators),
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
