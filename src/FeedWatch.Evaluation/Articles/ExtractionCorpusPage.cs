namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// One benchmark page: its raw (decompressed) bytes, URL and the gold article body; where the corpus has them, the
/// gold title, author and publication date (WCXB).
/// </summary>
public sealed record ExtractionCorpusPage(string Id, Uri? Url, byte[] Html, string GoldBody)
{
    public string? GoldTitle { get; init; }
    public string? GoldAuthor { get; init; }
    public DateOnly? GoldPublished { get; init; }
}
