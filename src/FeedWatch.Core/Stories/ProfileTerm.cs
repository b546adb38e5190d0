using FeedWatch.Core.Stories.Fingerprints;

namespace FeedWatch.Core.Stories;

/// <summary>One term of a story's persisted topic centroid (term id, IDF-free weight, kind).</summary>
public sealed record ProfileTerm(uint Term, float Weight, TermKind Kind);
