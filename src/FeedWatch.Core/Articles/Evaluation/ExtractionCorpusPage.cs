namespace FeedWatch.Core.Articles.Evaluation;

/// <summary>One benchmark page: its raw (decompressed) bytes, URL and the gold article body.</summary>
public sealed record ExtractionCorpusPage(string Id, Uri? Url, byte[] Html, string GoldBody);
