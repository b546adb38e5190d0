using System.Xml;
using System.Xml.Linq;
using FeedWatch.Core.Feeds.Date;

namespace FeedWatch.Core.Feeds.Opml;

/// <summary>
/// Reads OPML 1.0, 1.1 and 2.0 subscription lists from bytes. Safe by default: DOCTYPE is refused (no entity expansion,
/// no external resolution) and input over <see cref="OpmlReaderOptions.MaxBytes"/> is refused before parsing.
/// Lenient where real exports differ from the spec: attribute names match case-insensitively (xmlURL, htmlUrl),
/// title falls back to text. Every failure is an <see cref="OpmlException"/> with a one-line reason.
/// </summary>
public sealed class OpmlReader(OpmlReaderOptions? options = null)
{
    private readonly OpmlReaderOptions options = options ?? new OpmlReaderOptions();

    public OpmlReaderOptions Options => options;

    public OpmlDocument Read(ReadOnlyMemory<byte> content)
    {
        if (content.Length == 0)
        {
            throw new OpmlException("the file is empty");
        }

        if (content.Length > options.MaxBytes)
        {
            throw new OpmlException($"the file is {content.Length:N0} bytes; the limit is {options.MaxBytes:N0}");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = options.MaxBytes * 2,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        XDocument document;
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new OpmlException($"line {ex.LineNumber}: a DOCTYPE/DTD is not allowed in OPML (refused for safety)", ex);
        }
        catch (XmlException ex)
        {
            throw new OpmlException($"not well-formed XML: {ex.Message}", ex);
        }

        return Interpret(document);
    }

    private OpmlDocument Interpret(XDocument document)
    {
        var root = document.Root ?? throw new OpmlException("no root element");
        if (!root.Name.LocalName.Equals("opml", StringComparison.OrdinalIgnoreCase))
        {
            throw new OpmlException($"not an OPML document: the root element is <{root.Name.LocalName}>, expected <opml>");
        }

        var head = Child(root, "head");
        var body = Child(root, "body") ?? throw new OpmlException("the OPML document has no <body>");
        return new OpmlDocument
        {
            Version = Attribute(root, "version"),
            Title = Text(head, "title"),
            DateCreated = FeedDateParser.Parse(Text(head, "dateCreated")),
            OwnerName = Text(head, "ownerName"),
            Outlines = Outlines(body, 1),
        };
    }

    private List<OpmlOutline> Outlines(XElement parent, int depth)
    {
        var outlines = new List<OpmlOutline>();
        foreach (var element in parent.Elements().Where(e => e.Name.LocalName.Equals("outline", StringComparison.OrdinalIgnoreCase)))
        {
            if (depth > options.MaxDepth)
            {
                throw new OpmlException($"line {LineOf(element)}: outlines nested deeper than {options.MaxDepth} levels");
            }

            var adaptive = element.Attribute(XName.Get("adaptive", OpmlNames.FeedWatchNamespace))?.Value.Trim();
            outlines.Add(new OpmlOutline
            {
                Text = Attribute(element, "text"),
                Title = Attribute(element, "title"),
                Type = Attribute(element, "type"),
                XmlUrl = Attribute(element, "xmlUrl"),
                HtmlUrl = Attribute(element, "htmlUrl"),
                Description = Attribute(element, "description"),
                Category = Attribute(element, "category"),
                FeedWatchId = element.Attribute(XName.Get("id", OpmlNames.FeedWatchNamespace))?.Value.Trim(),
                PollInterval = element.Attribute(XName.Get("pollInterval", OpmlNames.FeedWatchNamespace))?.Value.Trim(),
                Adaptive = bool.TryParse(adaptive, out var flag) ? flag : null,
                Line = LineOf(element),
                Children = Outlines(element, depth + 1),
            });
        }

        return outlines;
    }

    private static XElement? Child(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static string? Text(XElement? parent, string name) =>
        parent is not null && Child(parent, name) is { } element && !string.IsNullOrWhiteSpace(element.Value) ? element.Value.Trim() : null;

    /// <summary>OPML attributes are un-namespaced; exporters disagree on their case (xmlUrl, xmlURL, XMLURL).</summary>
    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.NamespaceName.Length == 0 && a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } attribute
        && !string.IsNullOrWhiteSpace(attribute.Value)
            ? attribute.Value.Trim()
            : null;

    private static int LineOf(XElement element) => ((IXmlLineInfo)element).LineNumber;
}
