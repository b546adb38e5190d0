using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Passages;

/// <summary>
/// Aligns sentences of a new article with sentences of its source: for each article sentence, the source sentence
/// sharing the most content stems (Dice coefficient), found through a stem → source-sentence map so the work is
/// linear in the text lengths. Stems rather than exact words let rewritten and spun sentences align too.
/// </summary>
public static class PassageAligner
{
    private const int MinContentWords = 3;

    public static IReadOnlyList<MatchedPassage> Align(AnalyzedText article, AnalyzedText source, int maxPassages, double threshold)
    {
        var found = AlignAll(article, source, threshold)
            .Select(p => new MatchedPassage(p.ArticleSentence, p.SourceSentence, article.SentenceText(p.ArticleSentence), source.SentenceText(p.SourceSentence), Math.Round(p.Similarity, 3)));

        // Keep the strongest passages, reported in article order so an alert reads top to bottom.
        return [.. found.OrderByDescending(p => p.Similarity).ThenBy(p => p.ArticleSentence).Take(maxPassages).OrderBy(p => p.ArticleSentence)];
    }

    /// <summary>Every article sentence whose best source sentence reaches <paramref name="threshold"/>, in article order.</summary>
    public static List<SentencePair> AlignAll(AnalyzedText article, AnalyzedText source, double threshold)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(source);
        var sourceSets = new HashSet<ulong>[source.Sentences.Length];
        var postings = new Dictionary<ulong, List<int>>();
        for (var s = 0; s < source.Sentences.Length; s++)
        {
            sourceSets[s] = ContentStems(source.SentenceTokens(s));
            foreach (var stem in sourceSets[s])
            {
                if (!postings.TryGetValue(stem, out var list))
                {
                    postings[stem] = list = [];
                }

                list.Add(s);
            }
        }

        var found = new List<SentencePair>();
        var shared = new Dictionary<int, int>();
        for (var a = 0; a < article.Sentences.Length; a++)
        {
            var stems = ContentStems(article.SentenceTokens(a));
            if (stems.Count < MinContentWords)
            {
                continue;
            }

            shared.Clear();
            foreach (var stem in stems)
            {
                if (postings.TryGetValue(stem, out var list))
                {
                    foreach (var s in list)
                    {
                        shared[s] = shared.GetValueOrDefault(s) + 1;
                    }
                }
            }

            var best = -1;
            var bestSimilarity = 0.0;
            foreach (var (s, count) in shared.OrderBy(x => x.Key))
            {
                if (sourceSets[s].Count < MinContentWords)
                {
                    continue;
                }

                var dice = 2.0 * count / (stems.Count + sourceSets[s].Count);
                if (dice > bestSimilarity)
                {
                    bestSimilarity = dice;
                    best = s;
                }
            }

            if (best >= 0 && bestSimilarity >= threshold)
            {
                found.Add(new SentencePair(a, best, bestSimilarity));
            }
        }

        return found;
    }

    private static HashSet<ulong> ContentStems(ReadOnlySpan<Token> tokens)
    {
        var set = new HashSet<ulong>();
        foreach (var t in tokens)
        {
            if (!t.IsStop && (t.Length > 1 || t.IsNumber))
            {
                set.Add(t.Stem);
            }
        }

        return set;
    }
}
