using System.Text;
using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Atom;

/// <summary>
/// Reads an Atom text construct: type text/html give the (entity-decoded) text, xhtml the markup inside its wrapping
/// div; Atom 0.3 mode="base64" is decoded, mode="xml" is inline markup.
/// </summary>
public static class AtomText
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static string Read(XmlNode e, bool atom03 = false)
    {
        var type = e.Attribute("type")?.Trim().ToLowerInvariant();
        var mode = e.Attribute("mode")?.Trim().ToLowerInvariant();
        if (mode == "base64")
        {
            try
            {
                return Links.HtmlLinkResolver.Resolve(Encoding.UTF8.GetString(Convert.FromBase64String(e.Text.Trim())), e.BaseUri);
            }
            catch (FormatException)
            {
                return e.Text.Trim();
            }
        }

        if (atom03 && (type is "application/xhtml+xml" || mode == "xml"))
        {
            // Atom 0.3 inline XML has no wrapper: a div is part of the content.
            return MarkupOf(e);
        }

        if (type is "xhtml" or "application/xhtml+xml")
        {
            foreach (var child in e.Children)
            {
                if (child is XmlNode div && div.LocalName == "div")
                {
                    return MarkupOf(div);
                }
            }

            return MarkupOf(e);
        }

        if (mode == "xml")
        {
            return MarkupOf(e);
        }

        if (type is not (null or "" or "text" or "html" or "text/plain" or "text/html") && !type.Contains("xml", StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal))
        {
            // Atom 1.0 §4.1.3.3: other media types are base64-encoded; if it does not decode to text, keep it as written.
            try
            {
                return Links.HtmlLinkResolver.Resolve(StrictUtf8.GetString(Convert.FromBase64String(e.Text.Trim())), e.BaseUri);
            }
            catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
            {
                return e.Text.Trim();
            }
        }

        // text and html: the (entity-decoded) character content; markup a publisher left unescaped is kept as markup,
        // except a lone XHTML div wrapper, whose text is the HTML.
        var html = e.HasElementChildren && !IsLoneXhtmlDiv(e) ? MarkupOf(e) : e.Text.Trim();
        return type is "text" or "text/plain" ? html : Links.HtmlLinkResolver.Resolve(html, e.BaseUri);
    }

    private static bool IsLoneXhtmlDiv(XmlNode e)
    {
        XmlNode? only = null;
        foreach (var c in e.Children)
        {
            if (c is XmlNode n)
            {
                if (only is not null)
                {
                    return false;
                }

                only = n;
            }
        }

        return only is { LocalName: "div", NamespaceUri: Namespaces.Xhtml };
    }

    /// <summary>Inline XHTML: child elements and text re-serialised, text escaped as in the source.</summary>
    private static string MarkupOf(XmlNode e)
    {
        var sb = new StringBuilder();
        MarkupWriter.WriteChildren(e, sb);
        return Links.HtmlLinkResolver.Resolve(sb.ToString().Trim(), e.BaseUri);
    }
}
