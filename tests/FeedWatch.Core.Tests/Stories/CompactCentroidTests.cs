using FeedWatch.Core.Stories.Fingerprints;
using FeedWatch.Core.Stories.Index;
using FeedWatch.Core.Stories.Scoring;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The packed story centroid (half-precision weights and IDF) and the hashed topic comparison.</summary>
public sealed class CompactCentroidTests
{
    [Fact]
    public void Centroid_values_are_rounded_once_on_the_way_in_and_survive_a_round_trip_unchanged()
    {
        var story = new ActiveStory(0, "s");
        story.Centroid = new TopicVector([3u, 9u, 41u], [0.123456789f, 2.5f, 1e6f], [TermKind.Word, TermKind.Name, TermKind.Number]);
        story.CentroidIdf = [7.654321f, 1e-9f, -0.25f];

        var centroid = story.Centroid;
        var idf = story.CentroidIdf;
        Assert.Equal([3u, 9u, 41u], centroid.Terms);
        Assert.Equal([TermKind.Word, TermKind.Name, TermKind.Number], centroid.Kinds);
        Assert.Equal((float)(Half)0.123456789f, centroid.Weights[0]);
        Assert.NotEqual(0.123456789f, centroid.Weights[0]);
        Assert.Equal(2.5f, centroid.Weights[1]);
        Assert.Equal((float)Half.MaxValue, centroid.Weights[2]); // saturates instead of becoming infinite
        Assert.Equal((float)(Half)7.654321f, idf[0]);
        Assert.True(idf[1] > 0); // a tiny positive IDF stays positive (reload treats non-positive IDF as missing)
        Assert.Equal(-0.25f, idf[2]);

        // What a profile persists (the decoded values) packs back to exactly the same values: a reloaded engine holds
        // the numbers the running one holds.
        var reloaded = new ActiveStory(1, "s");
        reloaded.Centroid = centroid;
        reloaded.CentroidIdf = idf;
        Assert.Equal(story.PackedCentroid.ToArray(), reloaded.PackedCentroid.ToArray());
        Assert.Equal(centroid.Weights, reloaded.Centroid.Weights);
        Assert.Equal(idf, reloaded.CentroidIdf);
    }

    [Fact]
    public void Idf_must_match_the_centroid_it_belongs_to()
    {
        var story = new ActiveStory(0, "s") { Centroid = new TopicVector([1u, 5u], [1f, 1f], [TermKind.Word, TermKind.Word]) };
        Assert.Throws<ArgumentException>(() => story.CentroidIdf = [1f]);
    }

    [Fact]
    public void Packed_comparison_gives_the_same_figures_as_a_merge_over_the_decoded_arrays()
    {
        var random = new Random(11);
        var frequencies = new DocumentFrequencies();
        for (var round = 0; round < 200; round++)
        {
            // Overlapping random term sets (some shared, most not), names and numbers mixed in.
            var articleTopic = RandomVector(random, 100, 400);
            var story = new ActiveStory(round, "s" + round) { Centroid = RandomVector(random, 128, 400) };
            story.CentroidIdf = [.. Enumerable.Range(0, story.CentroidCount).Select(_ => (float)(random.NextDouble() * 10))];
            var centroid = story.Centroid;
            var idf = story.CentroidIdf;
            var norm = TopicSimilarity.Norm(centroid, idf);
            var names = TopicSimilarity.NameMass(centroid, idf);
            var article = new WeightedTopic(articleTopic, frequencies);

            var packed = TopicSimilarity.Compare(article, story.PackedCentroid, story.CentroidKinds, norm, names);
            var reference = MergeCompare(article, centroid, idf, norm, names);
            Assert.Equal(reference, packed);
        }
    }

    [Fact]
    public void Topic_lookup_finds_every_term_and_nothing_else()
    {
        var random = new Random(5);
        var topic = RandomVector(random, 100, int.MaxValue);
        var weighted = new WeightedTopic(topic, new DocumentFrequencies());
        for (var i = 0; i < topic.Count; i++)
        {
            Assert.Equal(i, weighted.IndexOf(topic.Terms[i]));
        }

        for (var probe = 0; probe < 10_000; probe++)
        {
            var term = (uint)random.NextInt64(0, uint.MaxValue);
            Assert.Equal(Array.BinarySearch(topic.Terms, term) >= 0 ? Array.BinarySearch(topic.Terms, term) : -1, weighted.IndexOf(term));
        }

        Assert.Equal(-1, weighted.IndexOf(0));
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

    /// <summary>The plain two-pointer merge the engine used before: the reference for every figure.</summary>
    private static TopicComparison MergeCompare(WeightedTopic article, TopicVector story, float[] storyIdf, double storyNorm, double storyNameMass)
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

        var cosine = article.Norm == 0 || storyNorm == 0 ? 0 : dot / (article.Norm * storyNorm);
        return new TopicComparison(
            cosine,
            article.NameMass == 0 ? 1 : sharedNames / article.NameMass,
            article.NameMass > 0,
            storyNameMass <= 0 ? 1 : Math.Min(1, sharedStoryNames / storyNameMass));
    }
}
