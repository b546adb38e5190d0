using System.Text;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories.Text;

namespace FeedWatch.Core.Tests.Stories.Text;

/// <summary>
/// The fast analyzer (register-friendly word scan, rolling stem hashes, character-wise stemmer) must give exactly the
/// tokens and sentences of the plain reference tokenizer: every fingerprint, score and decision depends on them.
/// </summary>
public sealed class TextAnalyzerEquivalenceTests
{
    // Letters, digits, joiners, sentence punctuation, whitespace and line breaks, capitals, and non-ASCII: accented
    // and non-Latin letters, non-ASCII digits (Arabic-Indic, full-width), upper-case letters outside ASCII, the typographic
    // apostrophe, a letter whose lower case differs in length class (Kelvin sign), surrogates and combining marks.
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        + "       ....,,,''!!??\n\n\t-—\"()"
        + "éÉçÇßøØñÑäÄœŒαβΓΔжЖ中文日本\u0660\u0665\uFF10\uFF19\u2019\u212A\u0130\u0301\uD83D\uDE00ªµº";

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_text_gives_the_reference_tokens_and_sentences(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var length = random.Next(0, 3_000);
        while (text.Length < length)
        {
            // Runs of one character class make words, numbers and joiners far likelier than uniform noise would.
            var run = random.Next(1, 12);
            var pick = random.Next(4);
            for (var k = 0; k < run; k++)
            {
                text.Append(pick switch
                {
                    0 => (char)('a' + random.Next(26)),
                    1 => (char)('0' + random.Next(10)),
                    2 => random.Next(3) == 0 ? char.ToUpperInvariant((char)('a' + random.Next(26))) : ' ',
                    _ => Alphabet[random.Next(Alphabet.Length)],
                });
            }
        }

        AssertSameAsReference(text.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("'")]
    [InlineData("don't it’s rock'n'roll o'")]
    [InlineData("5,000 3.5 1,2,3 4.. ,5 6, 7. 12.34.56 0.5% x,y")]
    [InlineData("Mr. Smith met the U.S. envoy on Friday. They spoke for 2.5 hours! Then 5,000 people marched.")]
    [InlineData("Headline without stop\n\nBody starts here. Another line\nwithin the paragraph of the\n\nNext")]
    [InlineData("studies studied running sing bring boxes wishes churches buses status analysis charge charged rehabilitate ties tied")]
    [InlineData("ÉLYSÉE Élysée straße STRASSE Ärzte İstanbul \u212Aelvin ٣٤٥ ١٢,٣ ５０００ naïve café’s")]
    [InlineData("😀 emoji😀word a\u0301b combining")]
    public void Adversarial_text_gives_the_reference_tokens_and_sentences(string text) => AssertSameAsReference(text);

    [Fact]
    public void Long_words_are_hashed_on_their_first_64_characters_like_the_reference()
    {
        var words = new[] { 63, 64, 65, 66, 67, 68, 200 }
            .SelectMany(n => new[] { new string('x', n - 3) + "ing", new string('y', n - 3) + "ies", new string('z', n - 1) + "s", new string('7', n) });
        AssertSameAsReference(string.Join(" ", words));
        AssertSameAsReference(string.Join(". ", words.Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
    }

    [Fact]
    public void Every_function_word_and_common_news_word_gets_its_flags()
    {
        // Each listed word alone, capitalised, and inside a sentence; the two-choice table must find every one of them.
        var words = StopWords.All.Concat(CommonNewsWords.All).ToList();
        AssertSameAsReference(string.Join(" ", words));
        AssertSameAsReference(string.Join(". ", words.Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
        var tokens = TextAnalyzer.Analyze(string.Join(" ", words)).Tokens;
        Assert.Equal(words.Count, tokens.Length);
        for (var k = 0; k < words.Count; k++)
        {
            Assert.Equal(StopWords.Contains(tokens[k].Hash), tokens[k].IsStop);
            Assert.Equal(CommonNewsWords.Contains(tokens[k].Hash), (tokens[k].Flags & TokenFlags.Common) != 0);
        }
    }

    [Fact]
    public void Synthetic_articles_give_the_reference_tokens_and_sentences()
    {
        var generator = new SyntheticArticles();
        for (var i = 0; i < 30; i++)
        {
            var article = generator.Create(i);
            AssertSameAsReference(article.Text);
            AssertSameAsReference(article.Title!);
        }
    }

    [Fact]
    public void Runs_of_single_spaced_plain_words_hand_over_exactly_where_the_general_scan_is_needed()
    {
        // The plain-word loop takes words after one space; each word below ends a run in a different way (a joiner
        // candidate, a number before a comma or period, a letter word before a period, non-ASCII inside or right after,
        // the length cap, two spaces, a tab, a line break) and the run must resume after it with the same tokens.
        var enders = new[]
        {
            "don't", "rock'n'roll", "o'", "5,000", "3.5", "12.", "7,", "Smith.", "end,", "café", "naïve", "x\u2019s", "\u0130zmir",
            new string('q', 63), new string('r', 64), new string('s', 65) + "ing", new string('8', 70), "a  b", "c\td", "e\nf", "g\n\nH",
            "A", "Z9", "9Z", "ing", "studies", "boxes",
        };
        var stops = StopWords.All.ToArray();
        var words = new List<string>();
        var random = new Random(5);
        for (var k = 0; k < 400; k++)
        {
            words.Add(random.Next(3) == 0 ? enders[random.Next(enders.Length)] : stops[random.Next(stops.Length)]);
            words.Add(random.Next(4) == 0 ? "Name" + k : "word" + (k % 37));
        }

        AssertSameAsReference(string.Join(" ", words));
        AssertSameAsReference(string.Join(" ", words) + " ");
        AssertSameAsReference("Start " + string.Join(" ", words) + " " + enders[0]);
    }

    [Fact]
    public void A_run_longer_than_the_token_scratch_grows_it_and_matches_the_reference()
    {
        // One sentence of 5,000 single-spaced words: the plain-word loop fills the scratch and the general loop grows it.
        var text = "Opening " + string.Join(" ", Enumerable.Range(0, 5_000).Select(k => k % 3 == 0 ? "the" : "w" + k));
        AssertSameAsReference(text);
        Assert.Equal(5_001, TextAnalyzer.Analyze(text).Tokens.Length);
    }

    [Fact]
    public void Truncation_at_max_chars_matches_the_reference()
    {
        var text = new SyntheticArticles().Create(7).Text;
        foreach (var max in new[] { 1, 10, 101, 1_000 })
        {
            var fast = TextAnalyzer.Analyze(text, max);
            var (tokens, sentences) = ReferenceTextAnalyzer.Analyze(text, max);
            Assert.Equal(tokens, fast.Tokens);
            Assert.Equal(sentences, fast.Sentences);
        }
    }

    [Fact]
    public void Stemmer_agrees_with_the_suffix_rules_on_every_short_ending()
    {
        // Every ending of up to four letters over the letters the rules mention (and two they do not), on stems of
        // every length around the rules' length limits.
        const string letters = "acdeghinsuxzb";
        foreach (var prefix in new[] { "", "w", "wo", "wor", "word" })
        {
            foreach (var ending in Endings(letters, 4))
            {
                var word = prefix + ending;
                Assert.True(ReferenceTextAnalyzer.StemLength(word) == LightStemmer.StemLength(word), word);
            }
        }
    }

    private static IEnumerable<string> Endings(string letters, int maxLength)
    {
        IEnumerable<string> level = [""];
        for (var length = 1; length <= maxLength; length++)
        {
            level = level.SelectMany(s => letters.Select(c => s + c)).ToList();
            foreach (var s in level)
            {
                yield return s;
            }
        }
    }

    private static void AssertSameAsReference(string text)
    {
        var fast = TextAnalyzer.Analyze(text);
        var (tokens, sentences) = ReferenceTextAnalyzer.Analyze(text);
        Assert.Equal(tokens.Length, fast.Tokens.Length);
        for (var k = 0; k < tokens.Length; k++)
        {
            Assert.True(tokens[k] == fast.Tokens[k], $"token {k} of \"{text}\": expected {tokens[k]}, got {fast.Tokens[k]}");
        }

        Assert.Equal(sentences, fast.Sentences);
    }
}
