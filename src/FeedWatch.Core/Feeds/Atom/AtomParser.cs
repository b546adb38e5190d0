using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Atom;

/// <summary>Reads Atom 1.0 and 0.3 (&lt;feed&gt;, or a lone &lt;entry&gt;) into the raw model.</summary>
public static class AtomParser
{
    public static AtomFeed Parse(XmlNode root)
    {
        var ns = root.NamespaceUri;
        var feed = new AtomFeed { IsAtom03 = ns == Namespaces.Atom03 || root.Attribute("version") == "0.3", Language = TextValues.NullIfEmpty(root.Language) };
        var atom03 = feed.IsAtom03;
        if (root.LocalName == "entry")
        {
            feed.Entries.Add(ReadEntry(root, ns, atom03));
            return feed;
        }

        foreach (var e in root.Elements())
        {
            if (e.NamespaceUri != ns)
            {
                ExtensionReader.TryRead(e, feed.Extensions);
                continue;
            }

            switch (e.LocalName)
            {
                case "id": feed.Id ??= TextValues.Plain(e); break;
                case "title": feed.Title ??= AtomText.Read(e, atom03); break;
                case "subtitle":
                case "tagline": feed.Subtitle ??= AtomText.Read(e, atom03); break;
                case "updated":
                case "modified": feed.Updated ??= TextValues.Plain(e); break;
                case "icon": feed.Icon ??= BaseUris.Resolve(e.BaseUri, TextValues.Plain(e)); break;
                case "logo": feed.Logo ??= BaseUris.Resolve(e.BaseUri, TextValues.Plain(e)); break;
                case "rights":
                case "copyright": feed.Rights ??= AtomText.Read(e, atom03); break;
                case "link": AddLink(e, feed.Links); break;
                case "author": AddPerson(e, feed.Authors); break;
                case "category": AddCategory(e, feed.Categories); break;
                case "entry": feed.Entries.Add(ReadEntry(e, ns, atom03)); break;
            }
        }

        return feed;
    }

    private static AtomEntry ReadEntry(XmlNode node, string ns, bool atom03)
    {
        var entry = new AtomEntry();
        var contributors = new List<FeedPerson>();
        foreach (var e in node.Elements())
        {
            if (e.NamespaceUri != ns)
            {
                ExtensionReader.TryRead(e, entry.Extensions);
                continue;
            }

            switch (e.LocalName)
            {
                case "id": entry.Id ??= TextValues.NullIfEmpty(e.BaseUri is null ? TextValues.Plain(e) : BaseUris.Resolve(e.BaseUri, TextValues.Plain(e))); break;
                case "title": entry.Title ??= AtomText.Read(e, atom03); break;
                case "summary": entry.Summary ??= AtomText.Read(e, atom03); break;
                case "content":
                    if (entry.Content is null)
                    {
                        entry.Content = AtomText.Read(e, atom03);
                        entry.ContentSource = e.Attribute("src") is { } src ? BaseUris.Resolve(e.BaseUri, src) : null;
                    }

                    break;
                case "published":
                case "issued":
                case "created": entry.Published ??= TextValues.Plain(e); break;
                case "updated":
                case "modified": entry.Updated ??= TextValues.Plain(e); break;
                case "link": AddLink(e, entry.Links); break;
                case "author": AddPerson(e, entry.Authors); break;
                case "contributor": AddPerson(e, contributors); break;
                case "source": ReadSourceAuthors(e, ns, entry.SourceAuthors); break;
                case "category": AddCategory(e, entry.Categories); break;
            }
        }

        return entry;
    }

    private static void ReadSourceAuthors(XmlNode source, string ns, List<FeedPerson> authors)
    {
        foreach (var e in source.Elements())
        {
            if (e.LocalName == "author" && e.NamespaceUri == ns)
            {
                AddPerson(e, authors);
            }
        }
    }

    private static void AddLink(XmlNode e, List<AtomLinkValue> links)
    {
        var href = e.Attribute("href") ?? e.AttributeIgnoreCase("href");
        if (href is null)
        {
            return;
        }

        links.Add(new AtomLinkValue(BaseUris.Resolve(e.BaseUri, href)!, e.Attribute("rel")?.Trim() is { Length: > 0 } rel ? rel : "alternate", e.Attribute("type"), e.Attribute("title"), TextValues.Long(e.Attribute("length"))));
    }

    private static void AddPerson(XmlNode e, List<FeedPerson> people)
    {
        string? name = null, email = null, uri = null;
        foreach (var c in e.Elements())
        {
            switch (c.LocalName)
            {
                case "name": name ??= TextValues.NullIfEmpty(TextValues.Plain(c)); break;
                case "email": email ??= TextValues.NullIfEmpty(TextValues.Plain(c)); break;
                case "uri":
                case "url":
                case "homepage": uri ??= TextValues.NullIfEmpty(BaseUris.Resolve(c.BaseUri, TextValues.Plain(c))); break;
            }
        }

        if ((name ?? email ?? uri) is not null)
        {
            people.Add(new FeedPerson(name, email, uri));
        }
    }

    private static void AddCategory(XmlNode e, List<string> categories)
    {
        var term = e.Attribute("term") ?? e.Attribute("label") ?? TextValues.Plain(e);
        if (term is { Length: > 0 })
        {
            categories.Add(term.Trim());
        }
    }
}
