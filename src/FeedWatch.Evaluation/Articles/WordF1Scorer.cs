using System.Text.RegularExpressions;

namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// WCXB's metric: words are <c>\w+</c> lower-cased, counted as multisets; per page precision = common / extracted,
/// recall = common / gold, F1 their harmonic mean. An empty extraction scores 0.
/// </summary>
public static partial class WordF1Scorer
{
    public static WordScore Score(string predicted, string gold)
    {
        var predictedWords = Words(predicted);
        var goldWords = Words(gold);
        var common = 0;
        foreach (var (word, count) in predictedWords)
        {
            if (goldWords.TryGetValue(word, out var goldCount))
            {
                common += Math.Min(count, goldCount);
            }
        }

        return new WordScore(common, predictedWords.Values.Sum(), goldWords.Values.Sum());
    }

    public static Dictionary<string, int> Words(string text)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var match in Word().EnumerateMatches(text))
        {
            var word = text.Substring(match.Index, match.Length).ToLowerInvariant();
            words[word] = words.GetValueOrDefault(word) + 1;
        }

        return words;
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
