using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Passages;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Relations;

/// <summary>
/// Sentence-level reuse: aligns the new text's sentences with the source and sorts each aligned pair into verbatim
/// (word 3-grams of the sentence almost all in the source sentence), substituted (same length and function-word
/// sequence, content words swapped) or reworded. Document overlap alone cannot tell a verbatim reprint of part of a
/// story from a light rewrite of all of it; the kind of the aligned sentences can.
/// </summary>
internal static class SentenceReuse
{
    private const double AlignThreshold = 0.4;
    private const double VerbatimContainment = 0.85;

    public static (double Aligned, double Verbatim, double Substituted) Measure(AnalyzedText article, AnalyzedText source)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(source);
        var total = article.Tokens.Length;
        if (total == 0)
        {
            return (0, 0, 0);
        }

        double aligned = 0, verbatim = 0, substituted = 0;
        foreach (var pair in PassageAligner.AlignAll(article, source, AlignThreshold))
        {
            var a = article.SentenceTokens(pair.ArticleSentence);
            var s = source.SentenceTokens(pair.SourceSentence);
            aligned += a.Length;
            var grams = ShingleSet.WordGrams(a, 3);
            if (ShingleSet.Containment(grams, ShingleSet.WordGrams(s, 3)) >= VerbatimContainment)
            {
                verbatim += a.Length;
            }
            else if (IsSubstitution(a, s))
            {
                substituted += a.Length;
            }
        }

        return (aligned / total, verbatim / total, substituted / total);
    }

    /// <summary>Same shape (length within two words, function words mostly in the same order) but some content words differ.</summary>
    private static bool IsSubstitution(ReadOnlySpan<Token> a, ReadOnlySpan<Token> s)
    {
        if (Math.Abs(a.Length - s.Length) > 2 || a.Length < 5)
        {
            return false;
        }

        var stopsA = Stops(a);
        var stopsS = Stops(s);
        if (stopsA.Count < 2 || stopsS.Count < 2)
        {
            return false;
        }

        var common = LongestCommonSubsequence(stopsA, stopsS);
        if (common < 0.8 * Math.Max(stopsA.Count, stopsS.Count))
        {
            return false;
        }

        var contentA = new HashSet<ulong>();
        foreach (var t in a)
        {
            if (!t.IsStop)
            {
                contentA.Add(t.Hash);
            }
        }

        var differing = 0;
        foreach (var t in s)
        {
            if (!t.IsStop && !contentA.Contains(t.Hash))
            {
                differing++;
            }
        }

        return differing >= 1;
    }

    private static List<ulong> Stops(ReadOnlySpan<Token> tokens)
    {
        var list = new List<ulong>();
        foreach (var t in tokens)
        {
            if (t.IsStop)
            {
                list.Add(t.Hash);
            }
        }

        return list;
    }

    private static int LongestCommonSubsequence(List<ulong> x, List<ulong> y)
    {
        var previous = new int[y.Count + 1];
        var current = new int[y.Count + 1];
        for (var i = 1; i <= x.Count; i++)
        {
            for (var j = 1; j <= y.Count; j++)
            {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[y.Count];
    }
}
