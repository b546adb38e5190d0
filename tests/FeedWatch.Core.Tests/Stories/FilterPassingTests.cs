using FeedWatch.Core.Stories;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Scoring;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The topic comparison's filter pass: it passes exactly the words the filter holds.</summary>
public sealed class FilterPassingTests
{
    [Fact]
    public void The_filter_pass_passes_exactly_the_words_the_filter_may_contain()
    {
        var random = new Random(23);
        var dictionary = new TermDictionary();
        var held = Enumerable.Range(0, 6_000).Select(i => dictionary.Acquire(((uint)i * 2654435761u) | 1u)).ToArray();
        for (var round = 0; round < 300; round++)
        {
            // An article of some held terms (and a few the dictionary lacks), against stored words with every index
            // bit pattern: indexes near and far, all kind bits and weight codes.
            var articleTerms = new SortedSet<uint>();
            while (articleTerms.Count < 100)
            {
                articleTerms.Add(random.Next(8) == 0 ? ((uint)random.Next() << 1) | 1u : dictionary.TermOf(held[random.Next(held.Length)]));
            }

            var terms = articleTerms.ToArray();
            var topic = new WeightedTopic(new TopicVector(terms, [.. terms.Select(_ => 1f)], [.. terms.Select(_ => TermKind.Word)]), new DocumentFrequencies());
            var indexed = new IndexedTopic(topic, dictionary);
            var count = random.Next(0, 140);
            var words = Enumerable.Range(0, count).Select(_ => CentroidWord.Pack(
                random.Next(3) == 0 ? indexed.TermIndexes[random.Next(terms.Length)] is var own && own >= 0 ? own : 0 : random.Next(TermDictionary.MaxTerms),
                random.Next(2) == 0,
                (byte)random.Next(256))).ToArray();
            var expected = Enumerable.Range(0, count).Where(j => indexed.MayContain(CentroidWord.TermIndex(words[j]))).ToArray();

            var positions = new int[count + 1];
            Assert.Equal(expected, positions[..indexed.Passing(words, positions)]);
            Assert.All(indexed.TermIndexes.Where(i => i >= 0), i => Assert.True(indexed.MayContain(i)));
        }

        Assert.Throws<ArgumentException>(() => new IndexedTopic(new WeightedTopic(new TopicVector([1u], [1f], [TermKind.Word]), new DocumentFrequencies()), dictionary).Passing([1u, 2u], new int[2]));
    }
}
