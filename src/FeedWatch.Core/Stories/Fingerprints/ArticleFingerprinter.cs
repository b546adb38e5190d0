using FeedWatch.Core.Stories.Index;
using FeedWatch.Core.Stories.Text;

namespace FeedWatch.Core.Stories.Fingerprints;

/// <summary>
/// Builds an <see cref="ArticleFingerprint"/>. Topic terms are light stems of content words; names (capitalised words
/// inside a sentence, plus adjacent name pairs such as "Tara Reid") and numbers are boosted because they are what
/// tells two earthquakes or two rehab stays apart. Title words count extra: a headline states the story.
/// </summary>
public sealed class ArticleFingerprinter(StoryEngineOptions options, DocumentFrequencies frequencies)
{
    private const int ShingleLength = 3;

    public ArticleFingerprint Build(StoryArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = string.IsNullOrWhiteSpace(article.Text) ? article.Title ?? "" : article.Text;
        var body = TextAnalyzer.Analyze(text, options.MaxAnalyzedChars);
        var title = article.Title ?? "";
        var titleIsInBody = title.Length == 0 || text.AsSpan(0, Math.Min(text.Length, title.Length + 200)).Contains(title.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
        var titleTokens = titleIsInBody ? [] : TextAnalyzer.Analyze(title, 2_000).Tokens;

        var shingles = ShingleSet.WordGrams(body.Tokens, ShingleLength);
        var spots = SpotSignatures.Build(body.Tokens);
        var minHash = MinHashSketch.Build(shingles);
        var counts = new Dictionary<uint, (float Tf, TermKind Kind)>();
        CountTerms(body.Tokens, counts, 1f, namesAllowed: true);
        CountTerms(titleTokens, counts, options.TitleWeight, namesAllowed: false);
        if (titleIsInBody && title.Length > 0)
        {
            // The title opens the body: count its words once more so headlines weigh the same either way.
            CountTerms(TextAnalyzer.Analyze(title, 2_000).Tokens, counts, options.TitleWeight - 1f, namesAllowed: false);
        }

        var distinct = counts.Keys.ToArray();
        Array.Sort(distinct);
        return new ArticleFingerprint(article, body, shingles, spots, minHash, SelectTopic(counts), distinct);
    }

    private static void CountTerms(ReadOnlySpan<Token> tokens, Dictionary<uint, (float Tf, TermKind Kind)> counts, float weight, bool namesAllowed)
    {
        if (weight <= 0)
        {
            return;
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.IsStop || (t.Length < 2 && !t.IsNumber))
            {
                continue;
            }

            var kind = t.IsNumber ? TermKind.Number : namesAllowed && t.IsNameLike ? TermKind.Name : TermKind.Word;
            if (t.IsNumber && t.Length < 2)
            {
                continue; // single digits are everywhere
            }

            Add(counts, TermIds.Of(t.Stem), weight, kind, (t.Flags & TokenFlags.Common) != 0);

            // Adjacent capitalised words form a name ("Lindsay Lohan"): the pair identifies more than either word.
            if (namesAllowed && i + 1 < tokens.Length && (t.Flags & TokenFlags.Capitalized) != 0 && tokens[i + 1].IsNameLike && !tokens[i + 1].IsNumber)
            {
                Add(counts, TermIds.Of(Text.StableHash.Combine(t.Hash, tokens[i + 1].Hash)), weight, TermKind.Name, common: false);
            }
        }
    }

    private static void Add(Dictionary<uint, (float Tf, TermKind Kind)> counts, uint term, float weight, TermKind kind, bool common)
    {
        // Common words are damped by counting them as a fraction of an occurrence.
        var tf = common ? weight * 0.25f : weight;
        if (counts.TryGetValue(term, out var existing))
        {
            counts[term] = (existing.Tf + tf, existing.Kind == TermKind.Word ? kind : existing.Kind);
        }
        else
        {
            counts[term] = (tf, kind);
        }
    }

    private TopicVector SelectTopic(Dictionary<uint, (float Tf, TermKind Kind)> counts)
    {
        var scored = new List<(uint Term, float Weight, TermKind Kind, float Salience)>(counts.Count);
        foreach (var (term, (tf, kind)) in counts)
        {
            var weight = (1f + MathF.Log(1f + tf)) * Boost(kind);
            scored.Add((term, weight, kind, weight * frequencies.Idf(term)));
        }

        // Salience order with the term id as tie-break keeps the selection deterministic.
        scored.Sort((a, b) => a.Salience != b.Salience ? b.Salience.CompareTo(a.Salience) : a.Term.CompareTo(b.Term));
        var top = scored.Take(options.ArticleTerms).OrderBy(x => x.Term).ToArray();
        return new TopicVector([.. top.Select(x => x.Term)], [.. top.Select(x => x.Weight)], [.. top.Select(x => x.Kind)]);
    }

    private float Boost(TermKind kind) => kind switch
    {
        TermKind.Name => options.NameBoost,
        TermKind.Number => options.NumberBoost,
        _ => 1f,
    };
}
