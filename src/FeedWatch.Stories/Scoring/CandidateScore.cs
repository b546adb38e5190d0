namespace FeedWatch.Stories.Scoring;

/// <summary>
/// The exact score of one candidate story: reuse and topic evidence, and the representative reused most. A value (not
/// an object): a match scores ~48 candidates and keeps only the joined ones' scores. <see cref="Saga"/> is the topic evidence
/// alone (cosine × name agreement, 0 when names disagree), before time and event-day evidence: how much the article is the
/// same saga, whether or not it is the same event.
/// </summary>
public readonly record struct CandidateScore(
    double Reuse,
    int BestRepresentative,
    TopicComparison Topic,
    double TimeFactor,
    bool Joined,
    double Score,
    double Saga = 0);
