namespace FeedWatch.Evaluation.Articles;

/// <summary>One page's scores (4-gram shingles and WCXB words), what the extractor returned, and its metadata check.</summary>
public sealed record PageEvaluation(ExtractionCorpusPage Page, PageScore Score, WordScore Words, ExtractedArticle Article, MetadataCheck Metadata)
{
    public string Id => Page.Id;
    public string Extracted => Article.Text;
}
