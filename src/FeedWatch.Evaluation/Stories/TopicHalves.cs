namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// Splits a corpus into two halves by topic: the topic of an article is its gold story label up to the first '_' (ECB+
/// labels are "ecb-&lt;topic&gt;_&lt;event&gt;", so both events of a topic stay in one half). Topics are ordered by the
/// number in them (else ordinally) and dealt alternately, so each half spans the whole range. The scorer's split only:
/// the engine never sees the labels.
/// </summary>
public static class TopicHalves
{
    public static (IReadOnlyList<CorpusArticle> First, IReadOnlyList<CorpusArticle> Second) Split(IReadOnlyList<CorpusArticle> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var topics = corpus.Select(TopicOf).Distinct(StringComparer.Ordinal)
            .OrderBy(NumberIn).ThenBy(t => t, StringComparer.Ordinal).ToList();
        if (topics.Count < 2)
        {
            throw new ArgumentException("A topic split needs at least two topics.", nameof(corpus));
        }

        var first = topics.Where((_, i) => i % 2 == 0).ToHashSet(StringComparer.Ordinal);
        return ([.. corpus.Where(a => first.Contains(TopicOf(a)))], [.. corpus.Where(a => !first.Contains(TopicOf(a)))]);
    }

    public static string TopicOf(CorpusArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var story = article.Story ?? throw new FormatException($"Article {article.Id} has no gold \"story\" to split by.");
        var cut = story.IndexOf('_', StringComparison.Ordinal);
        return cut < 0 ? story : story[..cut];
    }

    private static long NumberIn(string topic)
    {
        var digits = new string([.. topic.Where(char.IsAsciiDigit)]);
        return digits.Length is > 0 and < 18 ? long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : long.MaxValue;
    }
}
