using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Rss;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Cdf;

/// <summary>
/// Reads Microsoft CDF (&lt;CHANNEL HREF&gt; with TITLE, ABSTRACT and ITEMs, LASTMOD attributes). CDF is RSS's
/// ancestor, so it is read into the RSS raw model and shares the RSS adapter.
/// </summary>
public static class CdfParser
{
    public static RssChannel Parse(XmlNode root)
    {
        var channel = new RssChannel
        {
            Version = "cdf",
            Link = Href(root),
            LastBuildDate = root.AttributeIgnoreCase("LASTMOD"),
        };
        foreach (var e in root.Elements())
        {
            switch (e.LocalName.ToUpperInvariant())
            {
                case "TITLE": channel.Title ??= TextValues.Plain(e); break;
                case "ABSTRACT": channel.Description ??= TextValues.Markup(e); break;
                case "ITEM": channel.Items.Add(ReadItem(e)); break;
            }
        }

        return channel;
    }

    private static RssItem ReadItem(XmlNode node)
    {
        var item = new RssItem { BaseUri = node.BaseUri, Link = Href(node) };
        item.Extensions.AtomUpdated = node.AttributeIgnoreCase("LASTMOD");
        foreach (var e in node.Elements())
        {
            switch (e.LocalName.ToUpperInvariant())
            {
                case "TITLE": item.Title ??= TextValues.Plain(e); break;
                case "ABSTRACT": item.Description ??= TextValues.Markup(e); break;
            }
        }

        return item;
    }

    private static string? Href(XmlNode e) => e.AttributeIgnoreCase("HREF") is { } href ? BaseUris.Resolve(e.BaseUri, href) : null;
}
