namespace FeedWatch.Evaluation.Stories;

/// <summary>One engine configuration the generalization harness may choose (<see cref="FoldGrid"/>).</summary>
public sealed record FoldCandidate(string Name, StoryEngineOptions Options);
