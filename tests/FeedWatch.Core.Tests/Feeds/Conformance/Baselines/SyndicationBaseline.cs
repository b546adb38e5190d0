using System.ServiceModel.Syndication;
using System.Xml;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Feeds.Conformance.Baselines;

/// <summary>
/// System.ServiceModel.Syndication 11 (<c>SyndicationFeed.Load</c>; RSS 2.0 and Atom 1.0 only) mapped onto the common
/// fields. The reader ignores DTDs, as FeedWatch does, so a DOCTYPE alone does not make it fail.
/// </summary>
internal static class SyndicationBaseline
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };

    public static ParsedFeed Parse(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        var feed = SyndicationFeed.Load(reader);
        var items = new List<FeedItem>();
        foreach (var item in feed.Items)
        {
            items.Add(new FeedItem
            {
                Id = item.Id,
                Title = item.Title?.Text,
                Link = Alternate(item.Links),
                Published = item.PublishDate == default ? null : item.PublishDate,
                Updated = item.LastUpdatedTime == default ? null : item.LastUpdatedTime,
            });
        }

        return new ParsedFeed { Format = FeedFormat.Rss20, Title = feed.Title?.Text, Link = Alternate(feed.Links), Items = items };
    }

    private static string? Alternate(IEnumerable<SyndicationLink> links)
    {
        foreach (var link in links)
        {
            if (link.RelationshipType is null or "alternate")
            {
                return link.GetAbsoluteUri()?.ToString() ?? link.Uri?.ToString();
            }
        }

        return null;
    }
}
