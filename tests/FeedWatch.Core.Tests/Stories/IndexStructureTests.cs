using FeedWatch.Core.Stories.Fingerprints;
using FeedWatch.Core.Stories.Index;
using FeedWatch.Core.Stories.Text;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The compact index structures and fast paths behave exactly like the simple versions they replace.</summary>
public sealed class IndexStructureTests
{
    [Fact]
    public void Band_table_matches_a_reference_multimap_through_adds_and_removes()
    {
        // Few distinct keys and a small table: long probe runs, wrap-around and backward-shift deletion all happen.
        var random = new Random(7);
        var table = new BandTable();
        var reference = new List<(uint Key, int Value)>();
        for (var step = 0; step < 20_000; step++)
        {
            if (reference.Count > 0 && random.Next(3) == 0)
            {
                var (key, value) = reference[random.Next(reference.Count)];
                Assert.True(table.Remove(key, value));
                reference.Remove((key, value));
            }
            else
            {
                var key = (uint)random.Next(1, 300) * 2654435761u;
                table.Add(key, step);
                reference.Add((key, step));
            }
        }

        Assert.Equal(reference.Count, table.Count);
        Assert.False(table.Remove(12345u, -5));
        var collected = new List<int>();
        foreach (var key in reference.Select(r => r.Key).Distinct())
        {
            collected.Clear();
            table.Collect(key, collected);
            var expected = reference.Where(r => (r.Key | 1u) == (key | 1u)).Select(r => r.Value).OrderByDescending(v => v);
            Assert.Equal(expected, collected);
        }
    }

    [Fact]
    public void Posting_map_compaction_keeps_live_postings_newest_first()
    {
        var map = new PostingMultiMap();
        for (var i = 0; i < 20_000; i++)
        {
            map.Add((uint)(i % 50), i);
        }

        // Kill most postings, then keep adding: the pool is compacted on the way.
        for (var i = 0; i < 20_000; i++)
        {
            if (i % 7 != 0)
            {
                Assert.True(map.Remove((uint)(i % 50), i));
            }
        }

        map.Add(3, 99_999);
        Assert.True(map.DeadPostings < map.LivePostings);
        var values = new List<int>();
        Assert.True(map.TryCollect(3, int.MaxValue, values));
        var expected = new[] { 99_999 }.Concat(Enumerable.Range(0, 20_000).Where(i => i % 50 == 3 && i % 7 == 0).OrderByDescending(i => i));
        Assert.Equal(expected, values);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(700)]
    [InlineData(5000)]
    public void Sorting_hashes_gives_sorted_distinct_values(int count)
    {
        var random = new Random(count);
        var values = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            // Mostly uniform hashes, some duplicates, some clustered values (the bucket sort must not rely on spread).
            values[i] = (i % 10) switch
            {
                0 when i > 0 => values[i - 1],
                1 => (ulong)random.Next(100),
                _ => (ulong)random.NextInt64() * 3,
            };
        }

        var expected = values.Distinct().Order().ToArray();
        Assert.Equal(expected, ShingleSet.SortDistinct([.. values]));
    }

    [Fact]
    public void Analyzer_fast_paths_agree_with_the_stable_hash_and_word_lists()
    {
        var text = TextAnalyzer.Analyze("Über-Café THE Government according: naïve reporters don't know 5,000 ÆSIR facts. İstanbul");
        var words = text.Tokens.Select(t => text.Text.Substring(t.Start, t.Length)).ToArray();

        Assert.Equal(["Über", "Café", "THE", "Government", "according", "naïve", "reporters", "don't", "know", "5,000", "ÆSIR", "facts", "İstanbul"], words);
        for (var i = 0; i < words.Length; i++)
        {
            Assert.Equal(StableHash.OfLower(words[i]), text.Tokens[i].Hash);
        }

        Assert.True(text.Tokens[2].IsStop);
        Assert.True(text.Tokens[4].IsStop && (text.Tokens[4].Flags & TokenFlags.Common) != 0); // "according" is in both lists
        Assert.True((text.Tokens[3].Flags & TokenFlags.Common) != 0 && !text.Tokens[3].IsStop);
        Assert.True(text.Tokens[9].IsNumber);
        Assert.Equal(2, text.Sentences.Length);
    }
}
