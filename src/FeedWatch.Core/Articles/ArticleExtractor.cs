using FeedWatch.Core.Articles.Content;
using FeedWatch.Core.Articles.Decoding;
using FeedWatch.Core.Articles.Metadata;
using FeedWatch.Core.Articles.Parsing;

namespace FeedWatch.Core.Articles;

/// <summary>
/// Bytes → decoded text → DOM → metadata and main text. Each stage lives in its own folder (Decoding, Parsing,
/// Metadata, Content); this class only wires them and applies the size limits. Thread-safe and stateless.
/// </summary>
public sealed class ArticleExtractor(ArticleExtractorOptions? options = null) : IArticleExtractor
{
    private readonly ArticleExtractorOptions options = options ?? new ArticleExtractorOptions();

    public ExtractedArticle Extract(ReadOnlyMemory<byte> html, Uri? url = null, string? contentType = null)
    {
        var decoded = HtmlByteDecoder.Decode(html.Span, contentType, options.MaxBytes);
        return ExtractFromText(decoded.Text, url, decoded.WasTruncated);
    }

    /// <summary>For callers that already hold the page as text (tests, already-decoded stores).</summary>
    public ExtractedArticle ExtractFromText(string html, Uri? url = null, bool wasTruncated = false)
    {
        var prepared = HtmlPrefilter.Prepare(html, options.MaxDepth);
        using var document = HtmlDocumentParser.Parse(prepared.Html);
        var metadata = MetadataReader.Read(document, url, options.MaxDepth);
        var content = ExtractContent(document, metadata, relaxed: false);
        var capped = wasTruncated || prepared.WasFlattened;

        // Pages whose article sits in a badly named, hidden or landmark-wrapped container come out (almost) empty;
        // a second, relaxed pass over a fully kept DOM recovers them. Only the rare near-empty page pays for it.
        if (content.VisibleLength < options.Tuning.FallbackBelowChars)
        {
            var loose = HtmlPrefilter.Prepare(html, options.MaxDepth, emptyNonContentRegions: false);
            using var looseDocument = HtmlDocumentParser.Parse(loose.Html);
            var second = ExtractContent(looseDocument, metadata, relaxed: true);
            // The second pass must find at least twice as much: a short article that was read right is not
            // replaced by itself plus what the first pass rightly left out (hidden drafts, landmarks).
            if (second.VisibleLength > 2 * content.VisibleLength)
            {
                content = second with { Partial = second.Partial || content.Partial };
                capped |= loose.WasFlattened;
            }
        }

        return new ExtractedArticle
        {
            Title = metadata.Title,
            Text = content.Text,
            Published = metadata.Published,
            Modified = metadata.Modified,
            CanonicalUrl = metadata.CanonicalUrl,
            SiteName = metadata.SiteName,
            Authors = metadata.Authors,
            Language = metadata.Language,
            Description = metadata.Description,
            Image = metadata.Image,
            IsPartial = capped || content.Capped || content.Partial,
            AmpUrl = metadata.AmpUrl,
            IsAmpPage = metadata.IsAmpPage,
        };
    }

    private ContentResult ExtractContent(AngleSharp.Html.Dom.IHtmlDocument document, ArticleMetadata metadata, bool relaxed)
    {
        if (document.Body is not { } body)
        {
            return new ContentResult("", 0, false, false);
        }

        var collector = new TextBlockCollector(options, relaxed);
        var blocks = collector.Collect(body);
        var roots = new MainContentSelector(options.Tuning).Select(blocks, body);
        var text = MainTextRenderer.Render(blocks, roots, metadata.TitleVariants, options.Tuning);
        var partial = PaywallDetector.IsPartial(metadata, blocks, collector.SawPaywallMarker);
        return new ContentResult(text, VisibleLength(text), collector.WasCapped, partial);
    }

    /// <summary>The number of non-whitespace characters in <paramref name="text"/>.</summary>
    internal static int VisibleLength(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }
}
