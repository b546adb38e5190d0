using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace FeedWatch.Cli.Demo;

/// <summary>Renders an outlet's RSS 2.0 feed and article pages the way a typical news site would (navigation, footer and all).</summary>
public static class OutletMarkup
{
    public static string Feed(OutletSite site, string siteUrl, IEnumerable<OutletPage> pages, Func<OutletPage, string> urlOf)
    {
        ArgumentNullException.ThrowIfNull(site);
        var channel = new XElement("channel",
            new XElement("title", site.Name),
            new XElement("link", siteUrl),
            new XElement("description", "Latest stories from " + site.Name),
            new XElement("language", "en"));
        foreach (var page in pages.OrderByDescending(p => p.Published))
        {
            var url = urlOf(page);
            channel.Add(new XElement("item",
                new XElement("title", page.Title),
                new XElement("link", url),
                new XElement("guid", new XAttribute("isPermaLink", "true"), url),
                new XElement("pubDate", page.Published.ToString("r", CultureInfo.InvariantCulture)),
                new XElement("description", page.Paragraphs.FirstOrDefault() ?? "")));
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + new XElement("rss", new XAttribute("version", "2.0"), channel);
    }

    public static string Page(OutletSite site, OutletPage page, string url)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(page);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(Encode(page.Title)).Append(" | ").Append(Encode(site.Name)).Append("</title>")
            .Append("<link rel=\"canonical\" href=\"").Append(Encode(url)).Append("\">")
            .Append("<meta property=\"og:title\" content=\"").Append(Encode(page.Title)).Append("\">")
            .Append("<meta property=\"og:site_name\" content=\"").Append(Encode(site.Name)).Append("\">")
            .Append("<meta property=\"article:published_time\" content=\"").Append(page.Published.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)).Append("\">")
            .Append("</head><body>\n<header><a href=\"/\">").Append(Encode(site.Name)).Append("</a>")
            .Append("<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li><li><a href=\"/subscribe\">Subscribe</a></li></ul></nav></header>\n")
            .Append("<main><article>\n<h1>").Append(Encode(page.Title)).Append("</h1>\n")
            .Append("<p class=\"byline\"><time datetime=\"").Append(page.Published.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)).Append("\">")
            .Append(page.Published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time></p>\n");
        foreach (var paragraph in page.Paragraphs)
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        }

        html.Append("</article></main>\n<aside><h2>Most read</h2><ul><li><a href=\"/news/1\">Council budget meeting postponed</a></li><li><a href=\"/sport/2\">Late goal settles the derby</a></li></ul></aside>\n")
            .Append("<footer><p>© ").Append(Encode(site.Name)).Append(". All rights reserved.</p><p><a href=\"/privacy\">Privacy</a> · <a href=\"/contact\">Contact</a></p></footer>\n</body></html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
