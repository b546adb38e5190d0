using System.Text;
using AngleSharp.Html.Parser;

namespace FeedWatch.Core.Feeds.Discovery;

/// <summary>
/// Finds the feeds of a web page: &lt;link rel="alternate"&gt; with a feed type (honouring &lt;base href&gt;), then links
/// whose URL looks like a feed; <see cref="CommonPaths"/> lists the conventional locations to probe when a page
/// announces nothing. Pure: fetching is the caller's job.
/// </summary>
public static class FeedDiscovery
{
    private static readonly string[] FeedTypes =
    [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml", "application/xml", "text/xml",
    ];

    private static readonly string[] Paths = ["/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml", "/feed/", "/rss/", "/feeds/posts/default", "/?feed=rss2", "/feed.json"];

    public static IReadOnlyList<DiscoveredFeed> FromHtml(string html, Uri pageUrl) =>
        FromDocument(new HtmlParser().ParseDocument(html ?? string.Empty), pageUrl);

    /// <summary>
    /// The page as fetched: the Content-Type charset decides the encoding when it names one; otherwise the parser
    /// sniffs the BOM and &lt;meta charset&gt; (titles of non-UTF-8 pages are not garbled).
    /// </summary>
    public static IReadOnlyList<DiscoveredFeed> FromHtml(ReadOnlyMemory<byte> html, Uri pageUrl, string? contentType)
    {
        if (Charset(contentType) is { } declared)
        {
            return FromHtml(declared.GetString(html.Span), pageUrl);
        }

        using var stream = new MemoryStream(html.ToArray(), writable: false);
        return FromDocument(new HtmlParser().ParseDocument(stream), pageUrl);
    }

    private static System.Text.Encoding? Charset(string? contentType)
    {
        if (contentType is null || !System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media) || string.IsNullOrWhiteSpace(media.CharSet))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(media.CharSet.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return null; // an unknown charset name: let the parser sniff
        }
    }

    private static IReadOnlyList<DiscoveredFeed> FromDocument(AngleSharp.Html.Dom.IHtmlDocument document, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } b && Uri.TryCreate(pageUrl, b, out var based) ? based : pageUrl;
        var found = new List<DiscoveredFeed>();
        foreach (var link in document.QuerySelectorAll("link[href]"))
        {
            var rel = (link.GetAttribute("rel") ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = link.GetAttribute("type")?.Trim().ToLowerInvariant();
            if (rel.Contains("alternate") && type is not null && FeedTypes.Contains(type) && Resolve(baseUrl, link.GetAttribute("href")) is { } url)
            {
                Add(found, new DiscoveredFeed(url, type, link.GetAttribute("title"), "link rel=alternate"));
            }
        }

        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            if (Resolve(baseUrl, anchor.GetAttribute("href")) is { } url && LooksLikeFeed(url))
            {
                Add(found, new DiscoveredFeed(url, null, anchor.TextContent.Trim() is { Length: > 0 } t ? t : null, "anchor"));
            }
        }

        return found;
    }

    /// <summary>Conventional feed locations on the page's site, most common first.</summary>
    public static IReadOnlyList<Uri> CommonPaths(Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        var root = new Uri(pageUrl.GetLeftPart(UriPartial.Authority));
        return Paths.Select(p => new Uri(root, p)).ToList();
    }

    private static bool LooksLikeFeed(Uri url)
    {
        var path = url.AbsolutePath.ToLowerInvariant();
        return path.EndsWith(".rss", StringComparison.Ordinal) || path.EndsWith(".atom", StringComparison.Ordinal) || path.EndsWith("/feed", StringComparison.Ordinal)
            || path.EndsWith("/rss", StringComparison.Ordinal) || path.EndsWith("rss.xml", StringComparison.Ordinal) || path.EndsWith("atom.xml", StringComparison.Ordinal)
            || path.EndsWith("feed.xml", StringComparison.Ordinal);
    }

    private static Uri? Resolve(Uri baseUrl, string? href) =>
        !string.IsNullOrWhiteSpace(href) && Uri.TryCreate(baseUrl, href.Trim(), out var url) && url.Scheme is "http" or "https" ? url : null;

    private static void Add(List<DiscoveredFeed> found, DiscoveredFeed feed)
    {
        if (!found.Exists(f => f.Url == feed.Url))
        {
            found.Add(feed);
        }
    }
}
