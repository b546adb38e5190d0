using System.Globalization;
using System.Text;
using System.Xml;
using FeedWatch.Replay.Schedule;

namespace FeedWatch.Replay.Rendering;

/// <summary>Writes an outlet's released articles as an RSS 2.0 feed, newest first, the way news sites publish them.</summary>
public static class RssFeedRenderer
{
    private const int SummaryLength = 280;

    /// <param name="released">The outlet's released articles in release order (oldest first).</param>
    /// <param name="releaseTime">Maps an article to the wall-clock time it was released (for feeds without dates).</param>
    public static byte[] Render(ReplayOutlet outlet, IReadOnlyList<ReplayArticle> released, ReplayLinks links, Func<ReplayArticle, DateTimeOffset> releaseTime)
    {
        ArgumentNullException.ThrowIfNull(outlet);
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(releaseTime);
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", DisplayName(outlet.HostName));
            writer.WriteElementString("link", links.Home(outlet.HostName).AbsoluteUri);
            writer.WriteElementString("description", $"Latest stories from {DisplayName(outlet.HostName)}");
            writer.WriteElementString("generator", "feedwatch replay");
            if (released.Count > 0)
            {
                writer.WriteElementString("lastBuildDate", releaseTime(released[^1]).ToString("r", CultureInfo.InvariantCulture));
            }

            for (var i = released.Count - 1; i >= 0; i--)
            {
                WriteItem(writer, released[i], links);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteItem(XmlWriter writer, ReplayArticle article, ReplayLinks links)
    {
        var corpus = article.Article;
        var url = links.Article(article).AbsoluteUri;
        writer.WriteStartElement("item");
        writer.WriteElementString("title", XmlSafeText.Clean(corpus.Title));
        writer.WriteElementString("link", url);
        writer.WriteStartElement("guid");
        writer.WriteAttributeString("isPermaLink", "true");
        writer.WriteString(url);
        writer.WriteEndElement();
        if (corpus.Published is { } published)
        {
            writer.WriteElementString("pubDate", published.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
        }

        writer.WriteElementString("dc", "creator", "http://purl.org/dc/elements/1.1/", $"{DisplayName(article.HostName)} staff");
        writer.WriteElementString("description", XmlSafeText.Clean(Summary(corpus.Text)));
        writer.WriteEndElement();
    }

    private static string Summary(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= SummaryLength)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', SummaryLength);
        return flat[..(cut > 0 ? cut : SummaryLength)] + " …";
    }

    internal static string DisplayName(string hostName)
    {
        var name = hostName.Split('.')[0];
        return name.Length == 0 ? hostName : char.ToUpperInvariant(name[0]) + name[1..];
    }
}
