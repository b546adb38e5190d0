using FeedWatch.Core.Stories.Fingerprints;

namespace FeedWatch.Core.Stories.Relations;

/// <summary>Classifies how a text reuses a source from exact shingle and skeleton overlaps.</summary>
public sealed class RelationClassifier(RelationThresholds thresholds)
{
    public static ReuseEvidence Measure(ulong[] articleShingles, ulong[] articleSpots, ulong[] sourceShingles, ulong[] sourceSpots)
    {
        ArgumentNullException.ThrowIfNull(articleShingles);
        ArgumentNullException.ThrowIfNull(articleSpots);
        ArgumentNullException.ThrowIfNull(sourceShingles);
        ArgumentNullException.ThrowIfNull(sourceSpots);
        var shared = ShingleSet.IntersectionCount(articleShingles, sourceShingles);
        var containment = articleShingles.Length == 0 ? 0 : (double)shared / articleShingles.Length;
        var reverse = sourceShingles.Length == 0 ? 0 : (double)shared / sourceShingles.Length;
        var spotShared = ShingleSet.IntersectionCount(articleSpots, sourceSpots);
        var smaller = Math.Min(articleSpots.Length, sourceSpots.Length);
        var skeleton = smaller == 0 ? 0 : (double)spotShared / smaller;
        return new ReuseEvidence(containment, reverse, skeleton);
    }

    public ReuseRelation Classify(ReuseEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var overlap = evidence.Overlap;
        if (overlap >= thresholds.Copy)
        {
            return ReuseRelation.Copy;
        }

        if (evidence.Skeleton >= thresholds.SpunSkeleton && evidence.Skeleton - overlap >= thresholds.SpunGap)
        {
            return ReuseRelation.Spun;
        }

        return overlap >= thresholds.Rewrite ? ReuseRelation.Rewrite : ReuseRelation.Independent;
    }
}
