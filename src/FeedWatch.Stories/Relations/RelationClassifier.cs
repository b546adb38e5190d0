using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Relations;

/// <summary>
/// Classifies how a text reuses a source. Copy: almost all of it is in the source, or the part it shares is made of
/// verbatim sentences (a reprint of part of a story). Spun: the shared sentences keep the source's skeleton with
/// content words swapped (or skeleton overlap far above word overlap). Rewrite: wording reused otherwise.
/// Independent: no substantial shared wording.
/// </summary>
internal sealed class RelationClassifier(RelationThresholds thresholds)
{
    /// <summary>Document-level evidence only (cheap: sorted-set merges).</summary>
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

    /// <summary>Document and sentence-level evidence.</summary>
    public static ReuseEvidence Measure(AnalyzedText article, AnalyzedText source)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(source);
        var document = Measure(ShingleSet.WordGrams(article.Tokens, 3), SpotSignatures.Build(article.Tokens), ShingleSet.WordGrams(source.Tokens, 3), SpotSignatures.Build(source.Tokens));
        var (aligned, verbatim, substituted) = SentenceReuse.Measure(article, source);
        return document with { Aligned = aligned, Verbatim = verbatim, Substituted = substituted };
    }

    public ReuseRelation Classify(ReuseEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var overlap = evidence.Overlap;
        if (overlap >= thresholds.Copy)
        {
            return ReuseRelation.Copy;
        }

        if (evidence.Aligned >= thresholds.Aligned)
        {
            if (evidence.Verbatim >= thresholds.VerbatimShare * evidence.Aligned)
            {
                return ReuseRelation.Copy;
            }

            if (evidence.Substituted >= thresholds.SubstitutedShare * evidence.Aligned)
            {
                return ReuseRelation.Spun;
            }
        }

        if (evidence.Skeleton >= thresholds.SpunSkeleton && evidence.Skeleton - overlap >= thresholds.SpunGap)
        {
            return ReuseRelation.Spun;
        }

        return overlap >= thresholds.Rewrite || evidence.Aligned >= thresholds.RewriteAligned ? ReuseRelation.Rewrite : ReuseRelation.Independent;
    }
}
