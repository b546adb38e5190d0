namespace FeedWatch.Stories.Text;

/// <summary>
/// English function words (our own list). They anchor SpotSigs-style skeleton signatures and never count as topic
/// terms. Kept as hashes so the analyzer never allocates strings to test membership.
/// </summary>
internal static class StopWords
{
    private static readonly string[] Words =
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must",
        "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "ought",
        "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should", "since", "so", "some", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were",
        "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
        "without", "would", "yet", "you", "your", "yours", "yourself", "s", "t", "d", "ll", "re", "ve", "m", "don",
        "didn", "doesn", "isn", "wasn", "weren", "won", "wouldn", "couldn", "shouldn", "aren", "hasn", "haven", "hadn",
        "said", "says", "say", "told", "according", "one", "two", "three", "new", "would", "like", "many", "well", "still",
        "around", "among", "across", "along", "already", "another", "back", "get", "got", "made", "make", "take", "took",
    ];

    private static readonly HashSet<ulong> Hashes = [.. Words.Select(StableHash.OfLower)];

    public static bool Contains(ulong lowerHash) => Hashes.Contains(lowerHash);

    public static IReadOnlyCollection<string> All => Words;
}
