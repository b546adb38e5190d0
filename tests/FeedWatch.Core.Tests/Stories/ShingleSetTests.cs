using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Text;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>Word n-grams hashed into a reused buffer and sorted there are the sorted distinct n-gram hashes.</summary>
public sealed class ShingleSetTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(66)]
    [InlineData(700)]
    public void Word_grams_are_the_sorted_distinct_hashes_of_every_window(int words)
    {
        // Repeated phrases make duplicate 3-grams, so the distinct step is exercised.
        var text = string.Join(' ', Enumerable.Range(0, words).Select(i => i % 7 == 0 ? "of the people" : $"word{i % 50}"));
        var tokens = TextAnalyzer.Analyze(text).Tokens;

        var expected = Naive(tokens, 3);
        Assert.Equal(expected, ShingleSet.WordGrams(tokens, 3));
        Assert.Equal(expected, ShingleSet.WordGrams(tokens, 3)); // the reused buffer holds nothing over
    }

    [Fact]
    public void Word_grams_of_synthetic_articles_match_the_naive_computation()
    {
        var generator = new SyntheticArticles();
        for (var i = 0; i < 20; i++)
        {
            var tokens = TextAnalyzer.Analyze(generator.Create(i).Text).Tokens;
            Assert.Equal(Naive(tokens, 3), ShingleSet.WordGrams(tokens, 3));
        }
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(40, 3)]
    [InlineData(63, 3)]
    [InlineData(64, 3)]
    [InlineData(66, 3)]
    [InlineData(700, 3)]
    [InlineData(700, 2)]
    [InlineData(1, 4)]
    [InlineData(300, 5)]
    public void The_minhash_taken_while_hashing_is_the_sketch_of_the_distinct_grams(int words, int n)
    {
        var text = string.Join(' ', Enumerable.Range(0, words).Select(i => i % 5 == 0 ? "of the people" : $"word{i % 80}"));
        var tokens = TextAnalyzer.Analyze(text).Tokens;
        var sketch = new ushort[MinHashSketch.Bins];
        Array.Fill(sketch, MinHashSketch.Empty);

        var grams = ShingleSet.WordGrams(tokens, n, sketch);

        Assert.Equal(Naive(tokens, n), grams);
        Assert.Equal(MinHashSketch.Build(Naive(tokens, n)), sketch);
    }

    [Fact]
    public void The_minhash_of_synthetic_articles_equals_the_separate_build()
    {
        var generator = new SyntheticArticles();
        for (var i = 0; i < 20; i++)
        {
            var tokens = TextAnalyzer.Analyze(generator.Create(i).Text).Tokens;
            var sketch = new ushort[MinHashSketch.Bins];
            Array.Fill(sketch, MinHashSketch.Empty);
            var grams = ShingleSet.WordGrams(tokens, 3, sketch);
            Assert.Equal(Naive(tokens, 3), grams);
            Assert.Equal(MinHashSketch.Build(grams), sketch);
            Assert.Contains(sketch, bin => bin != MinHashSketch.Empty);
        }
    }

    [Fact]
    public void A_minhash_buffer_of_the_wrong_size_is_refused()
    {
        var tokens = TextAnalyzer.Analyze("one two three four").Tokens;
        Assert.Throws<ArgumentException>(() => ShingleSet.WordGrams(tokens, 3, new ushort[10]));
    }

    private static ulong[] Naive(Token[] tokens, int n)
    {
        if (tokens.Length < n)
        {
            if (tokens.Length == 0)
            {
                return [];
            }

            var single = 0UL;
            foreach (var t in tokens)
            {
                single = StableHash.Combine(single, t.Hash);
            }

            return [single];
        }

        var all = new List<ulong>();
        for (var i = 0; i + n <= tokens.Length; i++)
        {
            var h = (ulong)n;
            for (var j = 0; j < n; j++)
            {
                h = StableHash.Combine(h, tokens[i + j].Hash);
            }

            all.Add(h);
        }

        return [.. all.Distinct().Order()];
    }
}
