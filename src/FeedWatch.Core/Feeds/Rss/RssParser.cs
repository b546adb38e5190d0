using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Rss;

/// <summary>
/// Reads RSS 0.91–0.94 and 2.0 (&lt;rss&gt; or a bare &lt;channel&gt; root) into the raw model. Core elements are
/// accepted in no namespace or in the RSS 0.9x/2.0 namespaces some generators declare; extensions by URI.
/// Items outside the channel (seen in broken feeds) are still read.
/// </summary>
public static class RssParser
{
    public static RssChannel Parse(XmlNode root)
    {
        var channel = new RssChannel { Version = root.Attribute("version")?.Trim() };
        var channelNode = root.LocalName == "channel" ? root : null;
        foreach (var child in root.Elements())
        {
            if (child.LocalName == "channel" && IsCore(child))
            {
                channelNode ??= child;
                if (!ReferenceEquals(channelNode, child))
                {
                    ReadChannel(child, channel);
                }
            }
            else if (child.LocalName == "item" && IsCore(child))
            {
                channel.Items.Add(ReadItem(child));
            }
        }

        if (channelNode is not null)
        {
            ReadChannel(channelNode, channel);
        }

        return channel;
    }

    /// <summary>RSS core elements: no namespace, or one of the namespaces UserLand/Harvard RSS 2.0 generators declared.</summary>
    internal static bool IsCore(XmlNode e) => e.NamespaceUri.Length == 0 || e.NamespaceUri == Namespaces.Rss10 || e.NamespaceUri == Namespaces.Rss090
        || e.NamespaceUri.Contains("backend.userland.com/rss", StringComparison.Ordinal) || e.NamespaceUri.Contains("blogs.law.harvard.edu/tech/rss", StringComparison.Ordinal);

    private static void ReadChannel(XmlNode node, RssChannel c)
    {
        foreach (var e in node.Elements())
        {
            if (!IsCore(e))
            {
                ExtensionReader.TryRead(e, c.Extensions);
                continue;
            }

            switch (e.LocalName)
            {
                case "title": c.Title ??= TextValues.Markup(e); break;
                case "link": c.Link ??= TextValues.NullIfEmpty(BaseUris.Resolve(e.BaseUri, TextValues.Plain(e))); break;
                case "description": c.Description ??= TextValues.Markup(e); break;
                case "language": c.Language ??= TextValues.Plain(e); break;
                case "copyright": c.Copyright ??= TextValues.Plain(e); break;
                case "managingEditor":
                case "author": c.ManagingEditor ??= TextValues.Plain(e); break;
                case "webMaster": c.WebMaster ??= TextValues.Plain(e); break;
                case "pubDate": c.PubDate ??= TextValues.Plain(e); break;
                case "lastBuildDate": c.LastBuildDate ??= TextValues.Plain(e); break;
                case "ttl": c.Ttl ??= TextValues.Plain(e); break;
                case "category": AddNonEmpty(c.Categories, TextValues.Plain(e)); break;
                case "image": ReadImage(e, c); break;
                case "item": c.Items.Add(ReadItem(e)); break;
            }
        }
    }

    private static void ReadImage(XmlNode node, RssChannel c)
    {
        foreach (var e in node.Elements())
        {
            switch (e.LocalName)
            {
                case "url": c.ImageUrl ??= BaseUris.Resolve(e.BaseUri, TextValues.Plain(e)); break;
                case "title": c.ImageTitle ??= TextValues.Plain(e); break;
                case "link": c.ImageLink ??= BaseUris.Resolve(e.BaseUri, TextValues.Plain(e)); break;
            }
        }
    }

    private static RssItem ReadItem(XmlNode node)
    {
        var item = new RssItem { BaseUri = node.BaseUri };
        foreach (var e in node.Elements())
        {
            if (!IsCore(e))
            {
                ExtensionReader.TryRead(e, item.Extensions);
                continue;
            }

            switch (e.LocalName)
            {
                case "title": item.Title ??= TextValues.Markup(e); break;
                case "link": item.Link ??= TextValues.NullIfEmpty(BaseUris.Resolve(e.BaseUri, TextValues.Plain(e))); break;
                case "description": item.Description ??= TextValues.Markup(e); break;
                case "guid":
                    if (item.Guid is null)
                    {
                        item.Guid = TextValues.NullIfEmpty(TextValues.Plain(e));
                        item.GuidIsPermaLink = !string.Equals(e.Attribute("isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
                    }

                    break;
                case "pubDate": item.PubDate ??= TextValues.Plain(e); break;
                case "author": item.Author ??= TextValues.NullIfEmpty(TextValues.Plain(e)); break;
                case "comments": item.Comments ??= TextValues.Plain(e); break;
                case "category":
                    if (TextValues.Markup(e) is { Length: > 0 } category)
                    {
                        item.AddCategory(category);
                    }

                    break;
                case "enclosure":
                    if ((e.Attribute("url") ?? e.AttributeIgnoreCase("url")) is { } url && url.Trim().Length > 0)
                    {
                        item.AddEnclosure(new RssEnclosure(BaseUris.Resolve(e.BaseUri, url)!, e.Attribute("type"), e.Attribute("length")));
                    }

                    break;
            }
        }

        return item;
    }

    private static void AddNonEmpty(List<string> list, string value)
    {
        if (value.Length > 0)
        {
            list.Add(value);
        }
    }
}
