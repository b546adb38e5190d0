namespace FeedWatch.Stories.Passages;

/// <summary>An article sentence aligned with its most similar source sentence (Dice over content stems).</summary>
public readonly record struct SentencePair(int ArticleSentence, int SourceSentence, double Similarity);
