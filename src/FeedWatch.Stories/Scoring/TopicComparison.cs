namespace FeedWatch.Stories.Scoring;

/// <summary>
/// <see cref="Cosine"/>: IDF-weighted cosine of the article's terms and the story centroid.
/// <see cref="NameAgreement"/>: share of the article's IDF-weighted name and number mass that the story also has
/// (1 when the article has no names: nothing contradicts). <see cref="HasNames"/>: whether the article had any.
/// <see cref="StoryNameAgreement"/>: the other way round, the share of the story's IDF-weighted name and number mass the
/// article also has (1 when the story has none). <see cref="SharedLedeNames"/>: the weight of the article's lede names
/// the story has (0 when no lede names were given).
/// </summary>
public readonly record struct TopicComparison(double Cosine, double NameAgreement, bool HasNames, double StoryNameAgreement = 1, double SharedLedeNames = 0);
