using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Text;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The compact index structures and fast paths behave exactly like the simple versions they replace.</summary>
public sealed class IndexStructureTests
{
    [Fact]
    public void Band_table_matches_a_reference_multimap_through_adds_removes_and_rebuilds()
    {
        // Few distinct keys: long probe runs, many tag matches to confirm, tombstones, rebuilds in place and doubling.
        var random = new Random(7);
        var source = new FakeBandKeys();
        var table = new BandTable(source);
        for (var step = 0; step < 6_000; step++)
        {
            if (source.Keys.Count > 0 && random.Next(3) == 0)
            {
                var slot = source.Keys.Keys.ElementAt(random.Next(source.Keys.Count));
                table.Remove(source.Keys[slot], slot);
                source.Keys.Remove(slot);
            }
            else
            {
                var slot = step;
                source.Keys[slot] = [.. Enumerable.Range(0, random.Next(1, 17)).Select(_ => (uint)random.Next(1, 300) * 2654435761u).Distinct()];
                table.Add(source.Keys[slot], slot);
            }
        }

        var collected = new List<int>();
        foreach (var key in source.Keys.Values.SelectMany(k => k).Append(12345u).Distinct())
        {
            collected.Clear();
            table.Collect(key, collected);
            var expected = source.Keys.Where(r => r.Value.Contains(key)).Select(r => r.Key).OrderByDescending(v => v);
            Assert.Equal(expected, collected);
        }
    }

    private sealed class FakeBandKeys : IBandKeySource
    {
        public Dictionary<int, uint[]> Keys { get; } = [];

        public int KeysOf(int representativeSlot, Span<uint> into)
        {
            var keys = Keys.GetValueOrDefault(representativeSlot, []);
            keys.CopyTo(into);
            return keys.Length;
        }

        public IEnumerable<int> LiveRepresentatives() => Keys.Keys;
    }

    [Fact]
    public void Term_postings_match_a_reference_multimap_through_growth_shrinking_and_removal()
    {
        // Key 7 grows past a page (65,536 postings) into its own list; the others grow and shrink through the block
        // classes, so freed blocks are reused by other keys.
        var random = new Random(9);
        var postings = new TermPostings();
        var reference = new Dictionary<uint, List<int>>();
        void Add(uint key, int value)
        {
            postings.Add(key, value);
            (reference.TryGetValue(key | 1u, out var list) ? list : reference[key | 1u] = []).Add(value);
        }

        for (var v = 0; v < 70_000; v++)
        {
            Add(7, v);
        }

        for (var step = 0; step < 60_000; step++)
        {
            var key = (uint)random.Next(1, 400) * 2654435761u;
            var list = reference.GetValueOrDefault(key | 1u);
            if (list is { Count: > 0 } && random.Next(5) < 2)
            {
                var value = list[random.Next(list.Count)];
                Assert.True(postings.Remove(key, value));
                list.Remove(value);
            }
            else
            {
                Add(key, 100_000 + step);
            }
        }

        for (var v = 0; v < 69_990; v++)
        {
            Assert.True(postings.Remove(7, v));
            reference[7].Remove(v);
        }

        Assert.False(postings.Remove(7, -3));
        Assert.False(postings.Remove(123456u, 1));
        Assert.Equal(reference.Values.Sum(l => l.Count), postings.Postings);
        var collected = new List<int>();
        foreach (var (key, list) in reference)
        {
            collected.Clear();
            Assert.True(postings.TryCollect(key, int.MaxValue, collected));
            Assert.Equal(list.Order(), collected.Order());
            Assert.Equal(list.Count, postings.CountOf(key));
            if (list.Count > 1)
            {
                // Too common: nothing is collected.
                collected.Clear();
                Assert.False(postings.TryCollect(key, list.Count - 1, collected));
                Assert.Empty(collected);
            }
        }
    }

    [Fact]
    public void Centroid_arena_reuses_freed_blocks_and_never_overlaps_live_ones()
    {
        var random = new Random(4);
        var arena = new CentroidArena();
        var live = new List<(int Block, int Count, uint Tag)>();
        for (var step = 0; step < 20_000; step++)
        {
            if (live.Count > 0 && random.Next(2) == 0)
            {
                var at = random.Next(live.Count);
                var (block, count, tag) = live[at];
                Assert.All(arena.Terms(block, count).ToArray(), t => Assert.Equal(tag, t));
                Assert.All(arena.Idf(block, count).ToArray(), c => Assert.Equal((byte)tag, c));
                arena.Free(block, count);
                live.RemoveAt(at);
            }
            else
            {
                var count = random.Next(2) == 0 ? 100 : random.Next(1, 129);
                var block = arena.Allocate(count);
                var tag = (uint)step;
                arena.Terms(block, count).Fill(tag);
                arena.Idf(block, count).Fill((byte)step);
                live.Add((block, count, tag));
            }
        }

        Assert.Equal(live.Sum(l => (long)l.Count), arena.LiveTerms);
        Assert.All(live, l => Assert.All(arena.Terms(l.Block, l.Count).ToArray(), t => Assert.Equal(l.Tag, t)));
        Assert.All(live, l => Assert.All(arena.Idf(l.Block, l.Count).ToArray(), c => Assert.Equal((byte)l.Tag, c)));

        // A freed block of a length is the next one handed out for that length.
        var freed = live[0];
        arena.Free(freed.Block, freed.Count);
        Assert.Equal(freed.Block, arena.Allocate(freed.Count));
    }

    [Fact]
    public void Centroid_blocks_keep_their_words_and_idf_codes_apart()
    {
        var arena = new CentroidArena();
        var blocks = new List<(int Block, int Count)>();
        foreach (var count in new[] { 1, 3, 100, 7, 128, 2, 99 })
        {
            var block = arena.Allocate(count);
            blocks.Add((block, count));
            var words = arena.Terms(block, count);
            var idf = arena.Idf(block, count);
            for (var i = 0; i < count; i++)
            {
                words[i] = 0xA0000000u + ((uint)count << 8) + (uint)i;
                idf[i] = (byte)(count + i);
            }
        }

        foreach (var (block, count) in blocks)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(0xA0000000u + ((uint)count << 8) + (uint)i, arena.Terms(block, count)[i]);
                Assert.Equal((byte)(count + i), arena.Idf(block, count)[i]);
            }
        }

        // The arena counts what it holds: 60,000 more terms cost at least their words and codes.
        var before = arena.MemoryBytes;
        for (var i = 0; i < 600; i++)
        {
            arena.Allocate(100);
        }

        Assert.True(arena.MemoryBytes - before >= (600 * 100 * 5) - (1 << 18), $"{arena.MemoryBytes - before} bytes for 60,000 terms");
    }

    [Fact]
    public void Id_arena_round_trips_any_string_counts_references_and_compacts()
    {
        string[] ids = ["s1", "", "synthetic-123456", "story-ünïcode-\u263A-☺", "\ud800 lone surrogate \ud800", new string('x', 70_000), "https://example.com/a?b=c"];
        var arena = new IdArena();
        var handles = ids.Select(id => arena.Add(id)).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], arena.Get(handles[i]));
            Assert.True(arena.Equals(handles[i], ids[i]));
            Assert.False(arena.Equals(handles[i], ids[i] + "x"));
            Assert.Equal(IdArena.HashOf(ids[i]), arena.HashOf(handles[i]));
        }

        // Two holders: the first release keeps the entry, the second makes it garbage.
        var live = arena.LiveBytes;
        arena.AddReference(handles[2]);
        arena.Release(handles[2]);
        Assert.Equal(live, arena.LiveBytes);
        arena.Release(handles[2]);
        Assert.True(arena.LiveBytes < live);
        Assert.True(arena.GarbageBytes > 0);

        var fresh = new IdArena();
        var moved = handles.Where((_, i) => i != 2).Select(h => (Old: h, New: arena.CompactInto(fresh, h))).ToArray();
        Assert.Equal(arena.LiveBytes, fresh.LiveBytes);
        foreach (var (old, @new) in moved)
        {
            Assert.Equal(arena.Get(old), fresh.Get(@new));
        }
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
