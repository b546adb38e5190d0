using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Rdf;

/// <summary>Reads &lt;rdf:RDF&gt; documents (RSS 1.0 and the Netscape RSS 0.90 namespace).</summary>
public static class RdfParser
{
    public static RdfFeed Parse(XmlNode root)
    {
        var feed = new RdfFeed { IsRss090 = root.Attributes.Exists(a => a.Value == Namespaces.Rss090) };
        foreach (var e in root.Elements())
        {
            if (!IsCore(e))
            {
                continue;
            }

            feed.IsRss090 |= e.NamespaceUri == Namespaces.Rss090;
            switch (e.LocalName)
            {
                case "channel": ReadChannel(e, feed); break;
                case "item": feed.Items.Add(ReadItem(e)); break;
                case "image":
                    foreach (var c in e.Elements())
                    {
                        if (c.LocalName == "url")
                        {
                            feed.ImageUrl ??= BaseUris.Resolve(c.BaseUri, TextValues.Plain(c));
                        }
                    }

                    break;
            }
        }

        return feed;
    }

    private static bool IsCore(XmlNode e) => e.NamespaceUri is Namespaces.Rss10 or Namespaces.Rss090 or "";

    private static void ReadChannel(XmlNode node, RdfFeed feed)
    {
        foreach (var e in node.Elements())
        {
            if (!IsCore(e))
            {
                ExtensionReader.TryRead(e, feed.Extensions);
                continue;
            }

            switch (e.LocalName)
            {
                case "title": feed.Title ??= TextValues.Plain(e); break;
                case "link": feed.Link ??= BaseUris.Resolve(e.BaseUri, TextValues.Plain(e)); break;
                case "description": feed.Description ??= TextValues.Markup(e); break;
                case "item": feed.Items.Add(ReadItem(e)); break;
            }
        }
    }

    private static RdfItem ReadItem(XmlNode node)
    {
        var item = new RdfItem { About = node.Attribute("about", Namespaces.Rdf) };
        foreach (var e in node.Elements())
        {
            if (!IsCore(e))
            {
                ExtensionReader.TryRead(e, item.Extensions);
                continue;
            }

            switch (e.LocalName)
            {
                case "title": item.Title ??= TextValues.Plain(e); break;
                case "link": item.Link ??= TextValues.NullIfEmpty(BaseUris.Resolve(e.BaseUri, TextValues.Plain(e))); break;
                case "description": item.Description ??= TextValues.Markup(e); break;
            }
        }

        return item;
    }
}
