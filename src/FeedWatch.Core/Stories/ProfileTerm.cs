namespace FeedWatch.Core.Stories;

/// <summary>
/// One term of a story's persisted topic centroid (term id, IDF-free weight, kind) and the IDF the story was last
/// scored with (0 = unknown, recomputed on load): persisting it makes a reloaded story score exactly as it did in memory.
/// </summary>
public sealed record ProfileTerm(uint Term, float Weight, TermKind Kind, float Idf = 0);
