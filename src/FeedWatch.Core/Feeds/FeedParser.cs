using System.Text;
using System.Text.Json;
using FeedWatch.Core.Feeds.Atom;
using FeedWatch.Core.Feeds.Charsets;
using FeedWatch.Core.Feeds.JsonFeed;
using FeedWatch.Core.Feeds.Rdf;
using FeedWatch.Core.Feeds.Rss;
using FeedWatch.Core.Feeds.Xml;
using XmlException = System.Xml.XmlException;

namespace FeedWatch.Core.Feeds;

/// <summary>
/// The <see cref="IFeedParser"/>: bytes → text (Encoding/), text → element tree (Xml/, strict XmlReader first,
/// lenient recovery second), tree → raw format model (Rss/, Rdf/, Atom/, JsonFeed/) → <see cref="ParsedFeed"/>.
/// Stateless and thread-safe.
/// </summary>
public sealed class FeedParser(FeedParserOptions? options = null) : IFeedParser
{
    private readonly FeedParserOptions options = options ?? new FeedParserOptions();

    public ParsedFeed Parse(ReadOnlyMemory<byte> content, Uri? feedUrl = null, string? contentType = null)
    {
        if (content.Length > options.MaxBytes)
        {
            throw new FeedParseException($"the feed is {content.Length:N0} bytes, over the {options.MaxBytes:N0} byte limit");
        }

        var problems = new ProblemLog();
        var span = content.Span;
        var choice = EncodingDetector.Choose(span, contentType, problems);
        var encodingProblems = problems.Count;
        XmlNode? root;
        string encodingName;
        var wellFormed = true;
        if (EncodingDetector.IsPlainUtf8Markup(span, choice, problems, out var markupStart))
        {
            // The common case: well-formed UTF-8. The reader reads the bytes as they are; only when they turn out not
            // to be well-formed is the text decoded for the lenient reader. Starting at the same '<' as the text path
            // (which trims leading whitespace), the strict reader fails the same way on both, so it is not re-run.
            // The byte-level reader takes what it is certain XmlReader would read the same way (nearly every real
            // feed); whatever it declines goes through XmlReader exactly as before.
            encodingName = choice.Name!;
            root = options.Utf8TreeReader ? Utf8XmlTreeReader.TryReadValidUtf8(span[markupStart..], feedUrl) : null;
            if (root is null)
            {
                try
                {
                    using var stream = AsStream(content[markupStart..]);
                    root = StrictXmlReader.Read(stream, feedUrl);
                }
                catch (XmlException ex)
                {
                    root = Recover(Encoding.UTF8.GetString(span[choice.BomLength..]), feedUrl, problems, ex, out wellFormed);
                }
            }
        }
        else
        {
            var decoded = EncodingDetector.Decode(span, choice, problems);
            encodingProblems = problems.Count;
            encodingName = decoded.EncodingName;
            var text = decoded.Text;
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            if (JsonFeedParser.LooksLikeJson(text))
            {
                return ParseJson(text, feedUrl, decoded, problems);
            }

            try
            {
                using var reader = new StringReader(text.TrimStart());
                root = StrictXmlReader.Read(reader, feedUrl);
            }
            catch (XmlException ex)
            {
                root = Recover(text, feedUrl, problems, ex, out wellFormed);
            }
        }

        if (root is null)
        {
            throw new FeedParseException(problems.Count > 0 ? $"no feed found: {problems.Items[^1]}" : "no feed found: the document is empty");
        }

        var feed = Dispatch(root, problems) ?? throw new FeedParseException($"no feed found: the root element is <{root.LocalName}>");
        return feed with
        {
            WellFormed = wellFormed && encodingProblems == 0,
            Problems = problems.Items.ToArray(),
            Encoding = encodingName,
        };
    }

    /// <summary>
    /// After the strict reader failed: a document whose DOCTYPE declares internal entities is read again with them
    /// expanded (bounded, see <see cref="InternalEntityExpander"/>) and is well-formed if that read succeeds;
    /// anything else goes to the lenient reader.
    /// </summary>
    private static XmlNode? Recover(string text, Uri? feedUrl, ProblemLog problems, XmlException ex, out bool wellFormed)
    {
        if (InternalEntityExpander.Expand(text, problems) is { } expanded)
        {
            try
            {
                using var reader = new StringReader(expanded.TrimStart());
                var root = StrictXmlReader.Read(reader, feedUrl);
                wellFormed = true;
                return root;
            }
            catch (XmlException)
            {
                text = expanded;
            }
        }

        wellFormed = false;
        problems.Add($"not well-formed XML: {ex.Message}");
        return LenientXmlReader.Read(text, feedUrl, problems);
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private static ParsedFeed? Dispatch(XmlNode root, ProblemLog problems)
    {
        switch (root.LocalName)
        {
            case "rss" or "channel" when RssParser.IsCore(root):
                return RssAdapter.ToParsedFeed(RssParser.Parse(root), problems);
            case "CHANNEL" or "channel" when root.Attribute("HREF") is not null || root.LocalName == "CHANNEL":
                return RssAdapter.ToParsedFeed(Cdf.CdfParser.Parse(root), problems);
            case "RDF" when root.NamespaceUri == Namespaces.Rdf:
                return RdfAdapter.ToParsedFeed(RdfParser.Parse(root), problems);
            case "feed" or "entry" when root.NamespaceUri is Namespaces.Atom10 or Namespaces.Atom03 or "" || root.Attribute("version") is not null:
                return AtomAdapter.ToParsedFeed(AtomParser.Parse(root), problems);
            case "rss":
                problems.Add($"<rss> in unexpected namespace {root.NamespaceUri}");
                return RssAdapter.ToParsedFeed(RssParser.Parse(root), problems);
            default:
                return null;
        }
    }

    private static ParsedFeed ParseJson(string text, Uri? feedUrl, DecodedDocument decoded, ProblemLog problems)
    {
        try
        {
            var doc = JsonFeedParser.Parse(text, feedUrl, problems);
            if (doc.Version is null || !doc.Version.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase))
            {
                if (doc.Items.Count == 0 && doc.Title is null)
                {
                    throw new FeedParseException("no feed found: JSON without a jsonfeed.org version");
                }

                problems.Add("JSON Feed without a jsonfeed.org version");
            }

            return JsonFeedAdapter.ToParsedFeed(doc, problems) with
            {
                WellFormed = doc.Version is not null && problems.Count == 0,
                Problems = problems.Items.ToArray(),
                Encoding = decoded.EncodingName,
            };
        }
        catch (JsonException ex)
        {
            throw new FeedParseException($"invalid JSON: {ex.Message}", ex);
        }
    }
}
