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

        var text = "";
        var capped = wasTruncated || prepared.WasFlattened;
        var partial = false;
        if (document.Body is { } body)
        {
            var collector = new TextBlockCollector(options);
            var blocks = collector.Collect(body);
            capped |= collector.WasCapped;
            var roots = new MainContentSelector(options.Tuning).Select(blocks, body);
            text = MainTextRenderer.Render(blocks, roots, metadata.TitleVariants, options.Tuning);
            partial = PaywallDetector.IsPartial(metadata, blocks, collector.SawPaywallMarker);
        }

        return new ExtractedArticle
        {
            Title = metadata.Title,
            Text = text,
            Published = metadata.Published,
            Modified = metadata.Modified,
            CanonicalUrl = metadata.CanonicalUrl,
            SiteName = metadata.SiteName,
            Authors = metadata.Authors,
            Language = metadata.Language,
            Description = metadata.Description,
            Image = metadata.Image,
            IsPartial = capped || partial,
            AmpUrl = metadata.AmpUrl,
            IsAmpPage = metadata.IsAmpPage,
        };
    }
}
