namespace FeedWatch.Core.Stories.Scoring;

/// <summary>The exact score of one candidate story: reuse and topic evidence, and the representative reused most.</summary>
public sealed record CandidateScore(
    double Reuse,
    int BestRepresentative,
    TopicComparison Topic,
    double TimeFactor,
    bool Joined,
    double Score);
