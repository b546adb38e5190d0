using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Extensions;

/// <summary>
/// Reads one namespaced child element into <see cref="ExtensionValues"/>. Matching is by namespace URI only:
/// Dublin Core 1.0, 1.1 and DC Terms are one vocabulary, and so are Atom 0.3 and 1.0 elements met inside another format.
/// </summary>
public static class ExtensionReader
{
    /// <returns>True when the element belongs to a known extension namespace (and was consumed).</returns>
    public static bool TryRead(XmlNode e, ExtensionValues values)
    {
        switch (e.NamespaceUri)
        {
            case Namespaces.DublinCore:
            case Namespaces.DublinCore10:
            case Namespaces.DublinCoreTerms:
                ReadDublinCore(e, values);
                return true;
            case Namespaces.Content:
                if (e.LocalName == "encoded")
                {
                    values.ContentEncoded ??= TextValues.Markup(e);
                }

                return true;
            case Namespaces.Media:
                ReadMedia(e, values);
                return true;
            case Namespaces.ITunes:
            case Namespaces.GooglePlay:
                ReadITunes(e, values);
                return true;
            case Namespaces.FeedBurner:
                if (e.LocalName == "origLink")
                {
                    values.FeedBurnerOrigLink ??= TextValues.NullIfEmpty(TextValues.Plain(e));
                }
                else if (e.LocalName == "origEnclosureLink")
                {
                    values.FeedBurnerOrigEnclosureLink ??= TextValues.NullIfEmpty(TextValues.Plain(e));
                }

                return true;
            case Namespaces.Atom10:
            case Namespaces.Atom03:
                ReadAtom(e, values);
                return true;
            default:
                return false;
        }
    }

    private static void ReadDublinCore(XmlNode e, ExtensionValues v)
    {
        var text = TextValues.Plain(e);
        if (text.Length == 0)
        {
            return;
        }

        switch (e.LocalName)
        {
            case "creator":
            case "author":
            case "contributor" when v.DcCreators.Count == 0:
                v.AddDcCreator(text);
                break;
            case "subject":
                v.AddDcSubject(text);
                break;
            case "date":
            case "created":
            case "issued":
                v.DcDate ??= text;
                break;
            case "modified":
                v.DcModified ??= text;
                break;
            case "title":
                v.DcTitle ??= text;
                break;
            case "description":
                v.DcDescription ??= TextValues.Markup(e);
                break;
            case "language":
                v.DcLanguage ??= text;
                break;
            case "identifier":
                v.DcIdentifier ??= text;
                break;
            case "rights":
                v.DcRights ??= text;
                break;
        }
    }

    private static void ReadMedia(XmlNode e, ExtensionValues v)
    {
        switch (e.LocalName)
        {
            case "group":
                foreach (var child in e.Elements())
                {
                    if (child.NamespaceUri == Namespaces.Media)
                    {
                        ReadMedia(child, v);
                    }
                }

                break;
            case "content":
                if (e.Attribute("url") is { Length: > 0 } url)
                {
                    v.AddMediaContent(new MediaObject(BaseUris.Resolve(e.BaseUri, url)!, e.Attribute("type"), TextValues.Long(e.Attribute("fileSize")), e.Attribute("medium")));
                }

                foreach (var child in e.Elements())
                {
                    if (child.NamespaceUri == Namespaces.Media)
                    {
                        ReadMedia(child, v);
                    }
                }

                break;
            case "thumbnail":
                if (e.Attribute("url") is { Length: > 0 } thumb)
                {
                    v.AddMediaThumbnail(BaseUris.Resolve(e.BaseUri, thumb)!);
                }

                break;
            case "title":
                v.MediaTitle ??= TextValues.NullIfEmpty(TextValues.Plain(e));
                break;
            case "description":
                v.MediaDescription ??= TextValues.NullIfEmpty(TextValues.Markup(e));
                break;
            case "keywords":
                v.AddMediaKeywords(TextValues.Plain(e).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                break;
        }
    }

    private static void ReadITunes(XmlNode e, ExtensionValues v)
    {
        switch (e.LocalName)
        {
            case "author":
                v.ITunesAuthor ??= TextValues.NullIfEmpty(TextValues.Plain(e));
                break;
            case "summary":
                v.ITunesSummary ??= TextValues.NullIfEmpty(TextValues.Markup(e));
                break;
            case "subtitle":
                v.ITunesSubtitle ??= TextValues.NullIfEmpty(TextValues.Plain(e));
                break;
            case "image":
                v.ITunesImage ??= TextValues.NullIfEmpty(e.Attribute("href") ?? TextValues.Plain(e));
                break;
            case "duration":
                v.ITunesDuration ??= TextValues.NullIfEmpty(TextValues.Plain(e));
                break;
            case "category":
                if (e.Attribute("text") is { Length: > 0 } category)
                {
                    v.AddITunesCategory(category);
                }

                foreach (var sub in e.Elements())
                {
                    ReadITunes(sub, v);
                }

                break;
            case "keywords":
                v.AddITunesKeywords(TextValues.Plain(e).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                break;
            case "owner":
                foreach (var child in e.Elements())
                {
                    if (child.LocalName == "name")
                    {
                        v.ITunesOwnerName ??= TextValues.Plain(child);
                    }
                    else if (child.LocalName == "email")
                    {
                        v.ITunesOwnerEmail ??= TextValues.Plain(child);
                    }
                }

                break;
        }
    }

    private static void ReadAtom(XmlNode e, ExtensionValues v)
    {
        switch (e.LocalName)
        {
            case "link":
                if (e.Attribute("href") is { } href)
                {
                    v.AddAtomLink(new AtomLinkValue(BaseUris.Resolve(e.BaseUri, href)!, e.Attribute("rel") ?? "alternate", e.Attribute("type"), e.Attribute("title"), TextValues.Long(e.Attribute("length"))));
                }

                break;
            case "updated":
            case "modified":
                v.AtomUpdated ??= TextValues.NullIfEmpty(TextValues.Plain(e));
                break;
            case "published":
            case "issued":
                v.AtomPublished ??= TextValues.NullIfEmpty(TextValues.Plain(e));
                break;
            case "created":
                v.AtomCreated ??= TextValues.NullIfEmpty(TextValues.Plain(e));
                break;
            case "subtitle":
            case "tagline":
                v.AtomSubtitle ??= TextValues.NullIfEmpty(TextValues.Markup(e));
                break;
            case "summary":
                v.AtomSummary ??= TextValues.Markup(e);
                break;
            case "content":
                v.AtomContent ??= TextValues.Markup(e);
                break;
            case "id":
                v.AtomId ??= TextValues.Plain(e);
                break;
            case "category":
                if ((e.Attribute("term") ?? e.Attribute("label")) is { Length: > 0 } term)
                {
                    v.AddAtomCategory(term.Trim());
                }

                break;
            case "title":
                v.AtomTitle ??= TextValues.NullIfEmpty(TextValues.Plain(e));
                break;
            case "author":
            case "contributor" when v.AtomAuthors.Count == 0:
                string? name = null, email = null, uri = null;
                foreach (var c in e.Elements())
                {
                    switch (c.LocalName)
                    {
                        case "name": name = TextValues.NullIfEmpty(TextValues.Plain(c)); break;
                        case "email": email = TextValues.NullIfEmpty(TextValues.Plain(c)); break;
                        case "uri":
                        case "url": uri = TextValues.NullIfEmpty(TextValues.Plain(c)); break;
                    }
                }

                if ((name ?? email ?? uri) is not null)
                {
                    v.AddAtomAuthor(new FeedPerson(name, email, uri));
                }

                break;
        }
    }
}
