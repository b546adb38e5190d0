using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Scoring;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The stored story centroid (5 bytes a term: dictionary index with kind bit and 8-bit log-scale weight code, 8-bit IDF code) and its comparison.</summary>
public sealed class CompactCentroidTests
{
    [Theory]
    [InlineData(1f)]
    [InlineData(0.37f)]
    [InlineData(412.5f)]
    public void Decoded_weights_encode_back_to_the_same_code(float scale)
    {
        for (var code = 1; code <= 255; code++)
        {
            var decoded = CentroidCodec.DecodeWeight((byte)code, scale);
            Assert.Equal(code, CentroidCodec.EncodeWeight(decoded, scale));
        }

        // The largest weight is the scale itself and codes as 255, so a reloaded centroid finds the same scale.
        Assert.Equal(255, CentroidCodec.EncodeWeight(scale, scale));
        Assert.Equal(scale, CentroidCodec.DecodeWeight(255, scale));
    }

    [Fact]
    public void Decoded_idf_encodes_back_to_the_same_code_and_stays_positive()
    {
        for (var code = 1; code <= 255; code++)
        {
            Assert.Equal(code, CentroidCodec.EncodeIdf(CentroidCodec.DecodeIdf((byte)code)));
        }

        Assert.True(CentroidCodec.DecodeIdf(CentroidCodec.EncodeIdf(1e-9f)) > 0);
        Assert.True(CentroidCodec.DecodeIdf(CentroidCodec.EncodeIdf(-0.25f)) > 0); // count-min over-estimates can go below 0
        Assert.True(CentroidCodec.DecodeIdf(CentroidCodec.EncodeIdf(0f)) > 0);
    }

    [Fact]
    public void Codes_are_within_two_percent_of_the_value_inside_their_range()
    {
        var random = new Random(3);
        for (var i = 0; i < 10_000; i++)
        {
            var scale = (float)(0.1 + (random.NextDouble() * 100));
            var weight = scale * (float)Math.Pow(2, -12 * random.NextDouble());
            var decoded = CentroidCodec.DecodeWeight(CentroidCodec.EncodeWeight(weight, scale), scale);
            Assert.InRange(decoded / weight, 0.982, 1.018);

            var idf = (float)Math.Pow(2, -8 + (12 * random.NextDouble()));
            Assert.InRange(CentroidCodec.DecodeIdf(CentroidCodec.EncodeIdf(idf)) / idf, 0.982, 1.018);
        }

        // Out of range: a tiny positive weight keeps the smallest code instead of vanishing; IDF saturates at 16.
        Assert.Equal(1, CentroidCodec.EncodeWeight(1e-9f, 1f));
        Assert.Equal(0, CentroidCodec.EncodeWeight(0f, 1f));
        Assert.Equal(16f, CentroidCodec.DecodeIdf(CentroidCodec.EncodeIdf(1e6f)), 3);
    }

    [Fact]
    public void A_story_reloaded_from_its_profile_holds_and_scores_exactly_what_the_running_engine_holds()
    {
        var first = Fixtures.Article("a-1", "one.example", "Flood closes river bridge in Harlow", "Flood water closed the Harlow river bridge on Monday. Engineers from Essex County said the bridge would stay shut for 3 days. Residents of Harlow were told to use the Potter Street crossing.");
        var second = Fixtures.Article("a-2", "two.example", "Harlow bridge stays shut after flood", "The Harlow river bridge stays shut after Monday's flood, Essex County engineers said. The Potter Street crossing is open. Repairs could take 3 days.", hours: 5);
        var probe = Fixtures.Article("a-3", "three.example", "Essex engineers inspect Harlow bridge", "Essex County engineers inspected the flooded Harlow river bridge. The crossing at Potter Street remains the detour.", hours: 9);

        var running = new StoryEngine();
        var profile = running.Add("story-1", first);
        var reloaded = new StoryEngine();
        reloaded.Load(profile);

        // The persisted values are the stored (rounded) ones, so both engines continue from the same numbers.
        var next = running.Add("story-1", second, profile);
        var nextReloaded = reloaded.Add("story-1", second, profile);
        Assert.Equal(next.Terms, nextReloaded.Terms);
        Assert.Equal(next.Terms.Select(t => t.Weight), next.Terms.Select(t => CentroidCodec.DecodeWeight(CentroidCodec.EncodeWeight(t.Weight, next.Terms.Max(x => x.Weight)), next.Terms.Max(x => x.Weight))));
        Assert.Equal(next.Terms.Select(t => t.Idf), next.Terms.Select(t => CentroidCodec.DecodeIdf(CentroidCodec.EncodeIdf(t.Idf))));

        var twiceReloaded = new StoryEngine();
        twiceReloaded.Load(nextReloaded);
        var expected = running.Match(probe);
        Assert.NotEmpty(expected);
        foreach (var engine in new[] { reloaded, twiceReloaded })
        {
            var actual = engine.Match(probe);
            Assert.Equal(expected.Select(m => (m.StoryId, m.Score, m.Relation, m.SourceArticleId)), actual.Select(m => (m.StoryId, m.Score, m.Relation, m.SourceArticleId)));
        }
    }

    [Fact]
    public void Stored_comparison_gives_the_same_figures_as_a_merge_over_the_decoded_values()
    {
        var random = new Random(11);
        var frequencies = new DocumentFrequencies();
        var arena = new CentroidArena();
        var dictionary = new TermDictionary();
        for (var round = 0; round < 200; round++)
        {
            // Overlapping random term sets (some shared, most not), names and numbers mixed in; other stories' terms
            // fill the dictionary too, so article terms no story has are in it or not.
            var articleTopic = RandomVector(random, 100, 400);
            var story = RandomVector(random, 128, 400);
            var other = RandomVector(random, 50, 600).Terms.Select(dictionary.Acquire).ToArray();
            var scale = CentroidCodec.ScaleOf(story.Weights);
            var block = arena.Allocate(story.Count);
            var words = arena.Terms(block, story.Count);
            var idfCodes = arena.Idf(block, story.Count);
            for (var i = 0; i < story.Count; i++)
            {
                words[i] = CentroidWord.Pack(dictionary.Acquire(story.Terms[i]), story.Kinds[i] != TermKind.Word, CentroidCodec.EncodeWeight(story.Weights[i], scale));
                idfCodes[i] = CentroidCodec.EncodeIdf((float)(random.NextDouble() * 10));
            }

            var decoded = new TopicVector(
                [.. words.ToArray().Select(w => dictionary.TermOf(CentroidWord.TermIndex(w)))],
                [.. words.ToArray().Select(w => CentroidCodec.DecodeWeight(CentroidWord.WeightCode(w), scale))],
                [.. words.ToArray().Select(w => CentroidWord.IsName(w) ? TermKind.Name : TermKind.Word)]);
            Assert.Equal(story.Terms, decoded.Terms);
            var idf = idfCodes.ToArray().Select(CentroidCodec.DecodeIdf).ToArray();
            var norm = TopicSimilarity.Norm(decoded, idf);
            var names = TopicSimilarity.NameMass(decoded, idf);
            var article = new WeightedTopic(articleTopic, frequencies);
            int[] lede = round % 4 == 0 ? [] : [.. Enumerable.Range(0, articleTopic.Count).Where(i => articleTopic.Kinds[i] != TermKind.Word && random.Next(3) == 0)];

            var stored = CentroidComparison.Compare(new IndexedTopic(article, dictionary, lede), words, idfCodes, scale, norm, names);
            Assert.Equal(MergeCompare(article, decoded, idf, norm, names, lede), stored);
            foreach (var word in words)
            {
                dictionary.Release(CentroidWord.TermIndex(word));
            }

            foreach (var index in other)
            {
                dictionary.Release(index);
            }

            arena.Free(block, story.Count);
        }

        Assert.Equal(0, dictionary.Count);
    }

    [Fact]
    public void Indexed_topic_maps_each_term_to_its_dictionary_index_and_finds_it_by_index()
    {
        var random = new Random(6);
        var topic = RandomVector(random, 150, int.MaxValue);
        var dictionary = new TermDictionary();
        // Half the article's terms are held by some story, among many other terms.
        foreach (var term in RandomVector(random, 5_000, int.MaxValue).Terms.Concat(topic.Terms.Where((_, i) => i % 2 == 0)))
        {
            dictionary.Acquire(term);
        }

        var indexed = new IndexedTopic(new WeightedTopic(topic, new DocumentFrequencies()), dictionary);
        for (var i = 0; i < topic.Count; i++)
        {
            Assert.Equal(i % 2 == 0 ? dictionary.Find(topic.Terms[i]) : -1, indexed.TermIndexes[i]);
            if (i % 2 == 0)
            {
                Assert.Equal(i, indexed.IndexOf(indexed.TermIndexes[i]));
            }
        }

        var own = indexed.TermIndexes.Where(t => t >= 0).ToHashSet();
        for (var index = 0; index < dictionary.Capacity; index++)
        {
            if (!own.Contains(index))
            {
                Assert.Equal(-1, indexed.IndexOf(index));
            }
        }
    }

    private static TopicVector RandomVector(Random random, int count, int range)
    {
        var terms = new SortedSet<uint>();
        while (terms.Count < count)
        {
            terms.Add(((uint)random.Next(1, range) * 2654435761u) | 1u);
        }

        var sorted = terms.ToArray();
        return new TopicVector(
            sorted,
            [.. sorted.Select(_ => (float)(random.NextDouble() * 3))],
            [.. sorted.Select(_ => (TermKind)random.Next(3))]);
    }

    /// <summary>
    /// The plain two-pointer merge over decoded arrays: the reference for every figure; the shared lede names by a
    /// binary search of each lede name (ascending) in the story's terms, as the engine did before comparing by index.
    /// </summary>
    private static TopicComparison MergeCompare(WeightedTopic article, TopicVector story, float[] storyIdf, double storyNorm, double storyNameMass, int[] lede)
    {
        double dot = 0, sharedNames = 0, sharedStoryNames = 0;
        int i = 0, j = 0;
        while (i < article.Terms.Length && j < story.Terms.Length)
        {
            if (article.Terms[i] < story.Terms[j])
            {
                i++;
            }
            else if (article.Terms[i] > story.Terms[j])
            {
                j++;
            }
            else
            {
                var wa = article.Weights[i];
                dot += wa * story.Weights[j] * storyIdf[j];
                sharedNames += article.Kinds[i] != TermKind.Word ? wa : 0;
                sharedStoryNames += story.Kinds[j] != TermKind.Word ? story.Weights[j] * storyIdf[j] : 0;
                i++;
                j++;
            }
        }

        double present = 0;
        foreach (var at in lede)
        {
            if (Array.BinarySearch(story.Terms, article.Terms[at]) >= 0)
            {
                present += article.Weights[at];
            }
        }

        var cosine = article.Norm == 0 || storyNorm == 0 ? 0 : dot / (article.Norm * storyNorm);
        return new TopicComparison(
            cosine,
            article.NameMass == 0 ? 1 : sharedNames / article.NameMass,
            article.NameMass > 0,
            storyNameMass <= 0 ? 1 : Math.Min(1, sharedStoryNames / storyNameMass),
            present);
    }
}
