namespace FeedWatch.Core.Stories.Scoring;

/// <summary>
/// <see cref="Cosine"/>: IDF-weighted cosine of the article's terms and the story centroid.
/// <see cref="NameAgreement"/>: share of the article's IDF-weighted name and number mass that the story also has
/// (1 when the article has no names: nothing contradicts). <see cref="HasNames"/>: whether the article had any.
/// </summary>
public readonly record struct TopicComparison(double Cosine, double NameAgreement, bool HasNames);
