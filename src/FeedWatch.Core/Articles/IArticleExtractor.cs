namespace FeedWatch.Core.Articles;

/// <summary>
/// Turns an article page's bytes into its main text and metadata. Decodes the bytes itself (BOM, HTTP charset,
/// meta charset, detection). Never throws on broken HTML; very large pages are capped.
/// </summary>
public interface IArticleExtractor
{
    ExtractedArticle Extract(ReadOnlyMemory<byte> html, Uri? url = null, string? contentType = null);
}
