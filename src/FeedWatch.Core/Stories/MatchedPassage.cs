namespace FeedWatch.Core.Stories;

/// <summary>A sentence of the new article that matches a sentence of the source article ("why it fired").</summary>
public sealed record MatchedPassage(int ArticleSentence, int SourceSentence, string ArticleText, string SourceText, double Similarity);
