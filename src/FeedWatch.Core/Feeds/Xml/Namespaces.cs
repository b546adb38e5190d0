namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// Namespace URIs the parsers match on. Elements are always matched by URI, never by prefix; the conventional
/// prefixes are only used to recover a document that uses a prefix without declaring it.
/// </summary>
public static class Namespaces
{
    public const string None = "";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Rss09Userland = "http://backend.userland.com/rss2";
    public const string Rss09Blogs = "http://blogs.law.harvard.edu/tech/rss";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string DublinCore10 = "http://purl.org/dc/elements/1.0/";
    public const string DublinCoreTerms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string MediaAlt = "http://search.yahoo.com/mrss";
    public const string ITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string ITunesAlt = "http://www.itunes.com/DTDs/Podcast-1.0.dtd";
    public const string GooglePlay = "http://www.google.com/schemas/play-podcasts/1.0";
    public const string FeedBurner = "http://rssnamespace.org/feedburner/ext/1.0";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string Syndication = "http://purl.org/rss/1.0/modules/syndication/";
    public const string Slash = "http://purl.org/rss/1.0/modules/slash/";
    public const string Wfw = "http://wellformedweb.org/CommentAPI/";

    /// <summary>The namespace a well-known prefix almost always means; used only for undeclared prefixes.</summary>
    public static string? ForConventionalPrefix(string prefix) => prefix.ToLowerInvariant() switch
    {
        "atom" => Atom10,
        "dc" => DublinCore,
        "dcterms" => DublinCoreTerms,
        "content" => Content,
        "media" => Media,
        "itunes" => ITunes,
        "feedburner" => FeedBurner,
        "rdf" => Rdf,
        "xhtml" => Xhtml,
        "sy" => Syndication,
        "slash" => Slash,
        "wfw" => Wfw,
        "googleplay" => GooglePlay,
        "xml" => Xml,
        _ => null,
    };

    /// <summary>Canonical form for namespaces with common spelling variants (trailing slash, case, whitespace).</summary>
    public static string Normalize(string uri)
    {
        if (uri.Length == 0)
        {
            return uri;
        }

        return uri switch
        {
            Atom10 or DublinCore or Content or Media or ITunes or Rdf or Rss10 or Atom03 => uri,
            _ => NormalizeSlow(uri),
        };
    }

    private static string NormalizeSlow(string uri)
    {
        var trimmed = uri.Trim();
        if (string.Equals(trimmed, MediaAlt, StringComparison.OrdinalIgnoreCase) || string.Equals(trimmed, Media, StringComparison.OrdinalIgnoreCase))
        {
            return Media;
        }

        if (string.Equals(trimmed, ITunesAlt, StringComparison.OrdinalIgnoreCase))
        {
            return ITunes;
        }

        if (string.Equals(trimmed, "http://purl.org/dc/elements/1.1", StringComparison.OrdinalIgnoreCase))
        {
            return DublinCore;
        }

        if (string.Equals(trimmed, "http://purl.org/dc/elements/1.0", StringComparison.OrdinalIgnoreCase))
        {
            return DublinCore10;
        }

        if (string.Equals(trimmed, "http://purl.org/rss/1.0/modules/content", StringComparison.OrdinalIgnoreCase))
        {
            return Content;
        }

        if (string.Equals(trimmed, "http://www.w3.org/2005/Atom/", StringComparison.OrdinalIgnoreCase))
        {
            return Atom10;
        }

        return trimmed;
    }
}
