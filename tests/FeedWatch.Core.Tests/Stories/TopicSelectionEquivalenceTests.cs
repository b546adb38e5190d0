using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Text;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>
/// The fingerprinter's topic vector (term counting in its flat table, the branch-free passes, quickselect of the kept
/// terms) equals a plain computation of the same rules: a dictionary of term → (summed weight, kind), every term's
/// salience, a full sort. Weights and frequencies compared bit for bit.
/// </summary>
public sealed class TopicSelectionEquivalenceTests
{
    private static readonly StoryEngineOptions Options = new();

    [Fact]
    public void Synthetic_and_seed_articles_get_the_topic_of_the_plain_computation()
    {
        var frequencies = new DocumentFrequencies();
        var fingerprinter = new ArticleFingerprinter(Options, frequencies);
        var generator = new SyntheticArticles(seed: 7);
        // A sketch with some history, so IDF tells terms apart (and ties between equal saliences still occur).
        for (var i = 0; i < 400; i++)
        {
            frequencies.Observe(fingerprinter.Build(generator.Create(i)).Topic.Terms);
        }

        using var reader = new StreamReader(SharedData.PathOf("stories/seeds.jsonl"));
        var seeds = StoryCorpusReader.Read(reader).Select(a => a.ToStoryArticle()).ToArray();
        var articles = Enumerable.Range(1_000, 150).Select(i => generator.Create(i))
            .Concat(seeds)
            .Concat(EdgeCases())
            .ToList();
        Assert.True(seeds.Length > 0);
        foreach (var article in articles)
        {
            var actual = fingerprinter.Build(article);
            var (terms, weights, kinds, topFrequencies) = PlainTopic(article, frequencies);
            Assert.Equal(terms, actual.Topic.Terms);
            Assert.Equal(weights.Select(BitConverter.SingleToInt32Bits), actual.Topic.Weights.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(kinds, actual.Topic.Kinds);
            Assert.Equal(topFrequencies, actual.TopicFrequencies);
        }

        Assert.Contains(articles, a => fingerprinter.Build(a).Topic.Kinds.Contains(TermKind.Name));
        Assert.Contains(articles, a => fingerprinter.Build(a).Topic.Kinds.Contains(TermKind.Number));
    }

    private static IEnumerable<StoryArticle> EdgeCases()
    {
        var at = DateTimeOffset.Parse("2026-11-21T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        yield return new StoryArticle("e1", "a.example", null, at, "", "");
        yield return new StoryArticle("e2", "a.example", null, at, "Title Only With Names Like Tara Reid", "");
        yield return new StoryArticle("e3", "a.example", null, at, "Quake", "A 6.1 quake hit Kermadec Islands. A 6.1 quake hit. I am a b c d e 5 5 5 50 50 in in in.");
        yield return new StoryArticle("e4", "a.example", null, null, "Same words", string.Join(' ', Enumerable.Repeat("said Minister Anna Berg said the report 2026 report", 80)));
        yield return new StoryArticle("e5", "a.example", null, at, "Lindsay Lohan rehab", "Lindsay Lohan checked into rehab. Lohan checks in. Rehab checked Lohan Lindsay.\n\nThe actress Lindsay Lohan said so.");
        // Between 64 and 100 distinct terms (all kept, sorted by the bucket path), and far more than the reused buffers'
        // first size (1,024 terms: the counting table and the selection buffers grow, then serve a small article again).
        yield return new StoryArticle("e6", "a.example", null, at, "Seventy", string.Join(' ', Enumerable.Range(0, 70).Select(k => $"term{k} Name{k % 9}")));
        yield return new StoryArticle("e7", "a.example", null, at, "Thousands", string.Join(' ', Enumerable.Range(0, 3_000).Select(k => k % 4 == 0 ? $"Person{k} said" : $"w{k} {k * 7}")));
        yield return new StoryArticle("e8", "a.example", null, at, "Small again", "Lindsay Lohan checked into rehab again, the court said on Friday.");
    }

    /// <summary>The rules of <see cref="ArticleFingerprinter"/>, spelled out without any of its data structures.</summary>
    private static (uint[] Terms, float[] Weights, TermKind[] Kinds, int[] Frequencies) PlainTopic(StoryArticle article, DocumentFrequencies frequencies)
    {
        var text = string.IsNullOrWhiteSpace(article.Text) ? article.Title ?? "" : article.Text;
        var body = TextAnalyzer.Analyze(text, Options.MaxAnalyzedChars);
        var title = article.Title ?? "";
        var titleIsInBody = title.Length == 0 || text.AsSpan(0, Math.Min(text.Length, title.Length + 200)).Contains(title.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
        var titleTokens = title.Length == 0 ? [] : TextAnalyzer.Analyze(title, 2_000).Tokens;
        var counts = new Dictionary<uint, (float Tf, TermKind Kind)>();
        var order = new List<uint>();

        void Add(uint term, float tf, TermKind kind)
        {
            if (counts.TryGetValue(term, out var entry))
            {
                counts[term] = (entry.Tf + tf, entry.Kind == TermKind.Word ? kind : entry.Kind);
            }
            else
            {
                counts[term] = (tf, kind);
                order.Add(term);
            }
        }

        void Count(Token[] tokens, int length, float weight, bool namesAllowed)
        {
            if (weight <= 0)
            {
                return;
            }

            for (var i = 0; i < length; i++)
            {
                var t = tokens[i];
                if (t.IsStop || t.Length < 2)
                {
                    continue;
                }

                var kind = t.IsNumber ? TermKind.Number : namesAllowed && t.IsNameLike ? TermKind.Name : TermKind.Word;
                Add(TermIds.Of(t.Stem), (t.Flags & TokenFlags.Common) != 0 ? weight * 0.25f : weight, kind);
                if (namesAllowed && i + 1 < length && (t.Flags & TokenFlags.Capitalized) != 0 && tokens[i + 1].IsNameLike && !tokens[i + 1].IsNumber)
                {
                    Add(TermIds.Of(StableHash.Combine(t.Hash, tokens[i + 1].Hash)), weight, TermKind.Name);
                }
            }
        }

        Count(body.Tokens, body.Tokens.Length, 1f, namesAllowed: true);
        var lede = Math.Min(Options.LedeSentences, body.Sentences.Length);
        if (lede > 0 && Options.LedeWeight > 0)
        {
            var last = body.Sentences[lede - 1];
            Count(body.Tokens, last.FirstToken + last.TokenCount, Options.LedeWeight, namesAllowed: true);
        }

        Count(titleTokens, titleTokens.Length, titleIsInBody ? Options.TitleWeight - 1f : Options.TitleWeight, namesAllowed: false);

        float Weight(uint term) => ArticleFingerprinter.DampedFrequency(counts[term].Tf) * (counts[term].Kind switch
        {
            TermKind.Name => Options.NameBoost,
            TermKind.Number => Options.NumberBoost,
            _ => 1f,
        });

        var kept = order
            .OrderByDescending(term => Weight(term) * frequencies.IdfOf(frequencies.Frequency(term)))
            .ThenBy(term => term)
            .Take(Options.ArticleTerms)
            .Order()
            .ToArray();
        return (kept, [.. kept.Select(Weight)], [.. kept.Select(t => counts[t].Kind)], [.. kept.Select(frequencies.Frequency)]);
    }
}
