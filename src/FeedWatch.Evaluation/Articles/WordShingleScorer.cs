using System.Text.RegularExpressions;

namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// The published article-body scoring: texts split into [\p{L}\p{N}_]+ words (case kept), overlapping 4-word
/// sequences counted as multisets; matched = size of the multiset intersection.
/// </summary>
public static partial class WordShingleScorer
{
    public const int ShingleSize = 4;

    public static PageScore Score(string predicted, string gold)
    {
        var predictedShingles = Shingles(predicted);
        var goldShingles = Shingles(gold);
        var matched = 0;
        foreach (var (shingle, count) in predictedShingles)
        {
            if (goldShingles.TryGetValue(shingle, out var goldCount))
            {
                matched += Math.Min(count, goldCount);
            }
        }

        return new PageScore(matched, predictedShingles.Values.Sum(), goldShingles.Values.Sum());
    }

    public static Dictionary<string, int> Shingles(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + ShingleSize <= words.Count; i++)
        {
            var key = string.Join('\u0001', words[i], words[i + 1], words[i + 2], words[i + 3]);
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    [GeneratedRegex(@"[\p{L}\p{N}_]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
