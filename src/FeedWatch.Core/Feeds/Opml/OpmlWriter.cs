using System.Globalization;
using System.Text;
using System.Xml;

namespace FeedWatch.Core.Feeds.Opml;

/// <summary>
/// Writes an <see cref="OpmlDocument"/> as OPML 2.0 (UTF-8, no BOM, indented). Feeds are type="rss" outlines with
/// text, title, xmlUrl, htmlUrl and category; FeedWatch's own settings go in the <see cref="OpmlNames.FeedWatchNamespace"/>
/// namespace, which other readers ignore.
/// </summary>
public static class OpmlWriter
{
    public static byte[] Write(OpmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("opml");
            writer.WriteAttributeString("version", "2.0");
            if (UsesFeedWatchAttributes(document.Outlines))
            {
                writer.WriteAttributeString("xmlns", OpmlNames.FeedWatchPrefix, null, OpmlNames.FeedWatchNamespace);
            }

            writer.WriteStartElement("head");
            WriteElement(writer, "title", document.Title);
            if (document.DateCreated is { } created)
            {
                // OPML dates are RFC 822.
                WriteElement(writer, "dateCreated", created.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture));
            }

            WriteElement(writer, "ownerName", document.OwnerName);
            writer.WriteEndElement();
            writer.WriteStartElement("body");
            foreach (var outline in document.Outlines)
            {
                WriteOutline(writer, outline);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteOutline(XmlWriter writer, OpmlOutline outline)
    {
        writer.WriteStartElement("outline");

        // text is the one attribute OPML 2.0 requires on every outline.
        writer.WriteAttributeString("text", outline.Text ?? outline.Title ?? outline.XmlUrl ?? "");
        WriteAttribute(writer, "title", outline.Title);
        WriteAttribute(writer, "type", outline.Type);
        WriteAttribute(writer, "xmlUrl", outline.XmlUrl);
        WriteAttribute(writer, "htmlUrl", outline.HtmlUrl);
        WriteAttribute(writer, "description", outline.Description);
        WriteAttribute(writer, "category", outline.Category);
        WriteFeedWatchAttribute(writer, "id", outline.FeedWatchId);
        WriteFeedWatchAttribute(writer, "pollInterval", outline.PollInterval);
        WriteFeedWatchAttribute(writer, "adaptive", outline.Adaptive is { } adaptive ? (adaptive ? "true" : "false") : null);
        foreach (var child in outline.Children)
        {
            WriteOutline(writer, child);
        }

        writer.WriteEndElement();
    }

    private static bool UsesFeedWatchAttributes(IReadOnlyList<OpmlOutline> outlines) =>
        outlines.Any(o => o.FeedWatchId is not null || o.PollInterval is not null || o.Adaptive is not null || UsesFeedWatchAttributes(o.Children));

    private static void WriteElement(XmlWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteElementString(name, value);
        }
    }

    private static void WriteAttribute(XmlWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteAttributeString(name, value);
        }
    }

    private static void WriteFeedWatchAttribute(XmlWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteAttributeString(OpmlNames.FeedWatchPrefix, name, OpmlNames.FeedWatchNamespace, value);
        }
    }
}
