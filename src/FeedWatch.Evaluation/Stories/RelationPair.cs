namespace FeedWatch.Evaluation.Stories;

/// <summary>A labelled reuse pair (Clough–Stevenson format): label ∈ cut, light, heavy, non.</summary>
public sealed record RelationPair(string Id, string Source, string Candidate, string Label);
