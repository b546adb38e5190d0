using System.Runtime.CompilerServices;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Fingerprints;

/// <summary>
/// Builds an <see cref="ArticleFingerprint"/>. Topic terms are light stems of content words; names (capitalised words
/// inside a sentence, plus adjacent name pairs such as "Tara Reid") and numbers are boosted because they are what
/// tells two earthquakes or two rehab stays apart. Title and lede words count extra: a headline and the first
/// sentences state the story.
/// </summary>
internal sealed class ArticleFingerprinter(StoryEngineOptions options, DocumentFrequencies frequencies)
{
    private const int ShingleLength = 3;

    private readonly TermCounts _counts = new();

    // Topic selection's per-term buffers, reused (the fingerprinter is single-threaded).
    private int[] _frequencyScratch = new int[1024];
    private ulong[] _keyScratch = new ulong[1024];

    // Term counting's positions of the counted tokens, reused.
    private int[] _positionScratch = new int[1024];

    public ArticleFingerprint Build(StoryArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = string.IsNullOrWhiteSpace(article.Text) ? article.Title ?? "" : article.Text;
        var body = TextAnalyzer.Analyze(text, options.MaxAnalyzedChars, article.Lang);
        var title = article.Title ?? "";
        var titleIsInBody = title.Length == 0 || text.AsSpan(0, Math.Min(text.Length, title.Length + 200)).Contains(title.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
        var titleTokens = title.Length == 0 ? [] : TextAnalyzer.Analyze(title, 2_000, article.Lang).Tokens;

        // The MinHash is taken in the 3-gram hashing pass (the same sketch MinHashSketch.Build gives of the distinct set).
        var minHash = new ushort[MinHashSketch.Bins];
        minHash.AsSpan().Fill(MinHashSketch.Empty);
        var shingles = ShingleSet.WordGrams(body.Tokens, ShingleLength, minHash);
        var counts = _counts;
        counts.Reset((2 * body.Tokens.Length) + (2 * titleTokens.Length) + 16);
        var counted = CountedPositions(body.Tokens);
        CountTerms(body.Tokens, counted, counts, 1f, namesAllowed: true);
        // The lede (first sentences) states who, what, where; later paragraphs add background, often about other
        // events of the same kind (the previous arrest, the last election). Counting the lede once more makes the event
        // itself dominate the topic vector.
        var lede = Math.Min(options.LedeSentences, body.Sentences.Length);
        if (lede > 0 && options.LedeWeight > 0)
        {
            var last = body.Sentences[lede - 1];
            var end = last.FirstToken + last.TokenCount;
            // The positions are ascending: the lede's are those below its end.
            var inLede = counted.BinarySearch(end);
            CountTerms(body.Tokens.AsSpan(0, end), counted[..(inLede >= 0 ? inLede : ~inLede)], counts, options.LedeWeight, namesAllowed: true);
        }

        // A title that opens the body has been counted once already: count it once more so headlines weigh the same either way.
        CountTerms(titleTokens, CountedPositions(titleTokens), counts, titleIsInBody ? options.TitleWeight - 1f : options.TitleWeight, namesAllowed: false);

        var version = frequencies.Version;
        var (topic, topicFrequencies) = SelectTopic(counts);
        return new ArticleFingerprint(article, body, shingles, minHash, topic, topicFrequencies, version);
    }

    /// <summary>
    /// The ascending positions of the tokens that count as terms: not function words, and not one character long (a
    /// single letter says nothing; single digits are everywhere). Written without a branch (every position is written,
    /// the write position advances past a counted one): about half of all tokens are function words, unpredictably, and
    /// the branch that skipped them mispredicted on about every other token. Valid until the next call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<int> CountedPositions(ReadOnlySpan<Token> tokens)
    {
        if (_positionScratch.Length < tokens.Length)
        {
            _positionScratch = new int[Math.Max(tokens.Length, 2 * _positionScratch.Length)];
        }

        var positions = _positionScratch.AsSpan(0, tokens.Length);
        var w = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            positions[w] = i;
            w += ((((t.Flags & TokenFlags.Stop) == 0) & (t.Length >= 2)) ? 1 : 0);
        }

        return positions[..w];
    }

    /// <summary>Counts the tokens at <paramref name="counted"/> (positions from <see cref="CountedPositions"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountTerms(ReadOnlySpan<Token> tokens, ReadOnlySpan<int> counted, TermCounts counts, float weight, bool namesAllowed)
    {
        if (weight <= 0)
        {
            return;
        }

        // The kind, the damping and the name-pair test are computed without branches (names, numbers, common words and
        // capitals are unpredictable among the counted tokens); only a name pair, rare, takes a branch.
        ReadOnlySpan<float> damping = [1f, 0.25f];
        foreach (var i in counted)
        {
            var t = tokens[i];
            var number = (t.IsNumber ? 1 : 0);
            var kind = (TermKind)((number << 1) | (((namesAllowed & t.IsNameLike) ? 1 : 0) & (number ^ 1)));

            // Common words are damped by counting them as a fraction of an occurrence (weight × 1 is the weight itself).
            counts.Add(TermIds.Of(t.Stem), weight * damping[(((t.Flags & TokenFlags.Common) != 0) ? 1 : 0)], kind);

            // Adjacent capitalised words form a name ("Lindsay Lohan"): the pair identifies more than either word.
            var next = i + 1 < tokens.Length ? tokens[i + 1].Flags : TokenFlags.None;
            var pair = namesAllowed
                & ((t.Flags & TokenFlags.Capitalized) != 0)
                & ((next & (TokenFlags.Capitalized | TokenFlags.SentenceStart | TokenFlags.Stop | TokenFlags.Number)) == TokenFlags.Capitalized);
            if (pair)
            {
                counts.Add(TermIds.Of(Text.StableHash.Combine(t.Hash, tokens[i + 1].Hash)), weight, TermKind.Name);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (TopicVector Topic, int[] Frequencies) SelectTopic(TermCounts counts)
    {
        // Salience descending, term id ascending as the tie-break (deterministic), packed into one sortable key:
        // salience is positive, so its float bits order like the value; the low half is the term id. Keys are distinct
        // (one per term), so the smallest `take` keys are one well-defined set whatever way they are found.
        var n = counts.Count;
        var distinct = counts.Terms;
        if (_frequencyScratch.Length < n)
        {
            _frequencyScratch = new int[Math.Max(n, 2 * _frequencyScratch.Length)];
            _keyScratch = new ulong[_frequencyScratch.Length];
        }

        // Reused buffers: stack buffers of this size were zeroed on every call.
        var frequency = _frequencyScratch.AsSpan(0, n);
        var keys = _keyScratch.AsSpan(0, n);

        // All sketch reads in one batch: their cache misses overlap instead of queueing behind the logs below.
        frequencies.Frequencies(distinct, frequency);
        for (var k = 0; k < n; k++)
        {
            var salience = Weight(counts.TfAt(k), counts.KindAt(k)) * frequencies.IdfOf(frequency[k]);
            keys[k] = ((ulong)(uint.MaxValue - BitConverter.SingleToUInt32Bits(salience)) << 32) | distinct[k];
        }

        var take = Math.Min(options.ArticleTerms, n);
        KeySelection.SmallestFirst(keys, take);

        // The kept terms in term order, each with its position in the counts riding in the low half (terms are distinct,
        // so the order is the term order alone); the bucket sort suits them, being hash bits.
        var chosen = keys[..take];
        for (var k = 0; k < take; k++)
        {
            var term = (uint)chosen[k];
            chosen[k] = ((ulong)term << 32) | (uint)counts.IndexOf(term);
        }

        HashSort.Sort(chosen);
        var terms = new uint[take];
        var topWeights = new float[take];
        var kinds = new TermKind[take];
        var topFrequencies = new int[take];
        for (var k = 0; k < take; k++)
        {
            var index = (int)(uint)chosen[k];
            terms[k] = (uint)(chosen[k] >> 32);
            kinds[k] = counts.KindAt(index);
            topWeights[k] = Weight(counts.TfAt(index), kinds[k]);
            topFrequencies[k] = frequency[index];
        }

        return (new TopicVector(terms, topWeights, kinds), topFrequencies);
    }

    private float Weight(float tf, TermKind kind) => DampedFrequency(tf) * Boost(kind);

    /// <summary>1 + ln(1 + tf): term frequencies are sums of quarter occurrences, so the small ones come from a table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float DampedFrequency(float tf)
    {
        // tf × 4 is exact (a power of two), so a whole quarter count q stands for exactly tf = q / 4, and the table holds
        // the very float the logarithm gives for it.
        var quarters = tf * 4f;
        var q = (int)quarters;
        return q == quarters && (uint)q < DampedQuarters ? DampedByQuarter[q] : 1f + MathF.Log(1f + tf);
    }

    private const int DampedQuarters = 512;

    private static readonly float[] DampedByQuarter = BuildDampedTable();

    private static float[] BuildDampedTable()
    {
        var table = new float[DampedQuarters];
        for (var q = 0; q < DampedQuarters; q++)
        {
            table[q] = 1f + MathF.Log(1f + (q / 4f));
        }

        return table;
    }

    /// <summary>
    /// The boost of a term kind, read from a table indexed by the kind (a kind outside it counts as a plain word): the
    /// switch it replaces compiled to branches that mispredicted on the names and numbers among an article's terms.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Boost(TermKind kind) => (uint)kind < (uint)_boosts.Length ? _boosts[(int)kind] : 1f;

    // Indexed by TermKind: Word, Name, Number.
    private readonly float[] _boosts = [1f, options.NameBoost, options.NumberBoost];
}
