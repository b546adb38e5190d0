using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FeedWatch.Replay.Schedule;

namespace FeedWatch.Replay.Rendering;

/// <summary>
/// Renders an article as a news site would: head metadata (canonical, Open Graph, JSON-LD), a header with navigation,
/// the article, a related-stories block, a newsletter box, a cookie notice and a footer. The boilerplate is deliberate:
/// the extractor must find the article text among it, as on the real web.
/// </summary>
public static class ArticlePageRenderer
{
    private static readonly string[] Sections = ["World", "Politics", "Business", "Technology", "Science", "Sport", "Opinion"];

    /// <param name="related">Other released articles of the same outlet to link to (site boilerplate, not article text).</param>
    public static byte[] Render(ReplayArticle article, IReadOnlyList<ReplayArticle> related, ReplayLinks links)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(related);
        ArgumentNullException.ThrowIfNull(links);
        var corpus = article.Article;
        var site = RssFeedRenderer.DisplayName(article.HostName);
        var url = links.Article(article).AbsoluteUri;
        var title = Encode(corpus.Title);
        var html = new StringBuilder(corpus.Text.Length * 2 + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(corpus.Lang ?? "en")).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(title).Append(" | ").Append(Encode(site)).Append("</title>\n")
            .Append("<link rel=\"canonical\" href=\"").Append(Encode(url)).Append("\">\n")
            .Append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").Append(Encode(site)).Append("\" href=\"")
            .Append(Encode(links.Feed(article.HostName).AbsoluteUri)).Append("\">\n")
            .Append("<meta property=\"og:type\" content=\"article\">\n")
            .Append("<meta property=\"og:title\" content=\"").Append(title).Append("\">\n")
            .Append("<meta property=\"og:site_name\" content=\"").Append(Encode(site)).Append("\">\n")
            .Append("<meta property=\"og:url\" content=\"").Append(Encode(url)).Append("\">\n");
        if (corpus.Published is { } published)
        {
            html.Append("<meta property=\"article:published_time\" content=\"").Append(Iso(published)).Append("\">\n");
        }

        html.Append("<script type=\"application/ld+json\">").Append(JsonLd(article, site, url)).Append("</script>\n")
            .Append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body class=\"article-page\">\n");
        AppendHeader(html, article.HostName, site, links);
        html.Append("<main id=\"content\">\n<article class=\"story\">\n<header class=\"story-header\">\n")
            .Append("<p class=\"kicker\"><a href=\"/section/").Append(Sections[article.Sequence % Sections.Length].ToLowerInvariant()).Append("\">")
            .Append(Sections[article.Sequence % Sections.Length]).Append("</a></p>\n")
            .Append("<h1 class=\"headline\">").Append(title).Append("</h1>\n")
            .Append("<p class=\"byline\">By <span class=\"author\">").Append(Encode(site)).Append(" staff</span>");
        if (corpus.Published is { } date)
        {
            html.Append(" · <time datetime=\"").Append(Iso(date)).Append("\">")
                .Append(date.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</time>");
        }

        html.Append("</p>\n<div class=\"share\"><a href=\"#share-email\">Email</a> <a href=\"#share-x\">Share</a> <a href=\"#print\">Print</a></div>\n")
            .Append("</header>\n<div class=\"story-body\" itemprop=\"articleBody\">\n");
        foreach (var paragraph in Paragraphs(corpus.Text))
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        }

        html.Append("</div>\n<p class=\"tags\">Topics: <a href=\"/topic/news\">News</a>, <a href=\"/topic/latest\">Latest</a></p>\n</article>\n");
        AppendRelated(html, related, links);
        html.Append("<aside class=\"newsletter\"><h2>Get the morning briefing</h2><p>Sign up for our free newsletter and get the day's top stories in your inbox.</p>")
            .Append("<form action=\"/newsletter\" method=\"post\"><input type=\"email\" name=\"email\" placeholder=\"you@example.com\"><button>Subscribe</button></form></aside>\n")
            .Append("</main>\n");
        AppendFooter(html, site);
        html.Append("<div class=\"cookie-notice\" role=\"dialog\"><p>We use cookies to improve your experience and to measure our audience. ")
            .Append("By continuing to browse you accept our use of cookies.</p><button>Accept</button><a href=\"/privacy\">Learn more</a></div>\n")
            .Append("<script src=\"/static/site.js\" defer></script>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>The outlet's home page: links to its released articles and its feed (what feed discovery looks for).</summary>
    public static byte[] RenderHome(ReplayOutlet outlet, IReadOnlyList<ReplayArticle> released, ReplayLinks links)
    {
        ArgumentNullException.ThrowIfNull(outlet);
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(links);
        var site = RssFeedRenderer.DisplayName(outlet.HostName);
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(site)).Append(" — latest news</title>\n")
            .Append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").Append(Encode(site)).Append("\" href=\"")
            .Append(Encode(links.Feed(outlet.HostName).AbsoluteUri)).Append("\">\n</head>\n<body>\n");
        AppendHeader(html, outlet.HostName, site, links);
        html.Append("<main><h1>Latest</h1>\n<ul class=\"river\">\n");
        for (var i = released.Count - 1; i >= 0 && i >= released.Count - 50; i--)
        {
            html.Append("<li><a href=\"").Append(Encode(links.Article(released[i]).AbsoluteUri)).Append("\">")
                .Append(Encode(released[i].Article.Title)).Append("</a></li>\n");
        }

        html.Append("</ul>\n</main>\n");
        AppendFooter(html, site);
        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void AppendHeader(StringBuilder html, string hostName, string site, ReplayLinks links)
    {
        html.Append("<header class=\"site-header\">\n<a class=\"logo\" href=\"").Append(Encode(links.Home(hostName).AbsoluteUri)).Append("\">")
            .Append(Encode(site)).Append("</a>\n<nav class=\"primary-nav\" aria-label=\"Sections\"><ul>\n<li><a href=\"/\">Home</a></li>\n");
        foreach (var section in Sections)
        {
            html.Append("<li><a href=\"/section/").Append(section.ToLowerInvariant()).Append("\">").Append(section).Append("</a></li>\n");
        }

        html.Append("</ul></nav>\n<form class=\"search\" action=\"/search\"><input name=\"q\" placeholder=\"Search\"></form>\n")
            .Append("<a class=\"subscribe\" href=\"/subscribe\">Subscribe</a> <a class=\"login\" href=\"/login\">Sign in</a>\n</header>\n");
    }

    private static void AppendRelated(StringBuilder html, IReadOnlyList<ReplayArticle> related, ReplayLinks links)
    {
        if (related.Count == 0)
        {
            return;
        }

        html.Append("<aside class=\"related\" aria-label=\"Related stories\">\n<h2>More from this site</h2>\n<ul>\n");
        foreach (var other in related)
        {
            html.Append("<li><a href=\"").Append(Encode(links.Article(other).AbsoluteUri)).Append("\">").Append(Encode(other.Article.Title)).Append("</a></li>\n");
        }

        html.Append("</ul>\n</aside>\n");
    }

    private static void AppendFooter(StringBuilder html, string site)
    {
        html.Append("<footer class=\"site-footer\">\n<nav aria-label=\"Footer\"><a href=\"/about\">About us</a> · <a href=\"/contact\">Contact</a> · ")
            .Append("<a href=\"/privacy\">Privacy policy</a> · <a href=\"/terms\">Terms of use</a> · <a href=\"/feed.xml\">RSS</a></nav>\n")
            .Append("<p>© ").Append(Encode(site)).Append(". All rights reserved. Reproduction without permission is prohibited.</p>\n</footer>\n");
    }

    /// <summary>Corpus text keeps paragraphs on separate lines; long single-block texts are split every few sentences.</summary>
    internal static IEnumerable<string> Paragraphs(string text)
    {
        var blocks = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var block in blocks)
        {
            if (block.Length <= 700)
            {
                yield return block;
                continue;
            }

            // Cut after every third ". " so the text itself is unchanged, only spread over paragraphs.
            var start = 0;
            var sentences = 0;
            for (var i = block.IndexOf(". ", StringComparison.Ordinal); i >= 0; i = block.IndexOf(". ", i + 2, StringComparison.Ordinal))
            {
                if (++sentences == 3)
                {
                    yield return block[start..(i + 1)];
                    start = i + 2;
                    sentences = 0;
                }
            }

            if (start < block.Length)
            {
                yield return block[start..];
            }
        }
    }

    private static string JsonLd(ReplayArticle article, string site, string url)
    {
        var document = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = article.Article.Title,
            ["url"] = url,
            ["datePublished"] = article.Article.Published is { } published ? Iso(published) : null,
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = site },
            ["author"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = site + " staff" },
        };
        // "</" inside a script element would end it early; JSON allows the escaped form.
        return JsonSerializer.Serialize(document).Replace("</", "<\\/", StringComparison.Ordinal);
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
