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
                Authors = ix.DcCreators.Select(PersonText.Parse).OfType<FeedPerson>().ToList(),
                Categories = ix.DcSubjects,
                Enclosures = ix.MediaContents.Select(m => new FeedEnclosure(m.Url, m.Type, m.FileSize)).ToList(),
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
            Authors = x.DcCreators.Select(PersonText.Parse).OfType<FeedPerson>().ToList(),
            Image = feed.ImageUrl is { } url ? new FeedImage(url, null, null) : null,
            Items = items,
        };
    }
}
