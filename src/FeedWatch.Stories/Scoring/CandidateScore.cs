namespace FeedWatch.Stories.Scoring;

/// <summary>
/// The exact score of one candidate story: reuse and topic evidence, and the representative reused most. A value (not
/// an object): a match scores ~48 candidates and keeps only the joined ones' scores.
/// </summary>
public readonly record struct CandidateScore(
    double Reuse,
    int BestRepresentative,
    TopicComparison Topic,
    double TimeFactor,
    bool Joined,
    double Score);
