using FeedWatch.Stories.Index;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>
/// The 16-bit sketch gives exactly the counts of a plain count-min sketch of 32-bit counters (same slots), also past
/// the 16-bit range, where counters keep their count in a side table and come back from it; and its blocked layout
/// puts both counters of a term in one 64-byte cache line.
/// </summary>
public sealed class DocumentFrequencySaturationTests
{
    [Fact]
    public void Counts_past_the_16_bit_range_are_exact_going_up_and_coming_back_down()
    {
        var frequencies = new DocumentFrequencies();
        uint[] common = [0xDEADBEEF, 0x12345679];
        uint[] rare = [0x0BADF00D];
        const int Peak = 70_000; // past 65,535
        for (var d = 1; d <= Peak; d++)
        {
            frequencies.Observe(d % 1_000 == 0 ? [.. common, .. rare] : common);
        }

        Assert.Equal(Peak, frequencies.Frequency(common[0]));
        Assert.Equal(Peak, frequencies.Frequency(common[1]));
        Assert.Equal(Peak / 1_000, frequencies.Frequency(rare[0]));
        Assert.True(frequencies.SaturatedCounters >= 4, $"{frequencies.SaturatedCounters} counters in the side tables");
        var batched = new int[3];
        frequencies.Frequencies([common[0], rare[0], common[1]], batched);
        Assert.Equal([Peak, Peak / 1_000, Peak], batched);

        // Back down through the saturation point: every count on the way is exact, and the side tables empty again.
        for (var d = Peak; d >= 1; d--)
        {
            frequencies.Forget(d % 1_000 == 0 ? [.. common, .. rare] : common);
            if (d is 65_537 or 65_536 or 65_535 or 65_534 or 1_000 or 1)
            {
                Assert.Equal(d - 1, frequencies.Frequency(common[0]));
                Assert.Equal((d - 1) / 1_000, frequencies.Frequency(rare[0]));
            }
        }

        Assert.Equal(0, frequencies.SaturatedCounters);
        Assert.Equal(0, frequencies.Documents);
    }

    [Fact]
    public void Random_observations_and_forgets_match_a_32_bit_reference_sketch()
    {
        var frequencies = new DocumentFrequencies();
        var reference = new ReferenceSketch();
        var random = new Random(17);
        var vocabulary = Enumerable.Range(0, 3_000).Select(_ => (uint)random.NextInt64(1, uint.MaxValue)).ToArray();
        // A few terms in nearly every document drive their counters past 65,535.
        var everywhere = vocabulary.Take(3).ToArray();
        var live = new List<uint[]>();
        for (var step = 0; step < 100_000; step++)
        {
            if (live.Count > 0 && random.Next(8) == 0)
            {
                var at = random.Next(live.Count);
                frequencies.Forget(live[at]);
                reference.Forget(live[at]);
                live[at] = live[^1];
                live.RemoveAt(live.Count - 1);
            }
            else
            {
                var terms = everywhere.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => vocabulary[random.Next(3, vocabulary.Length)])).Distinct().ToArray();
                frequencies.Observe(terms);
                reference.Observe(terms);
                live.Add(terms);
            }

            if (step % 4_999 == 0)
            {
                var batched = new int[vocabulary.Length];
                frequencies.Frequencies(vocabulary, batched);
                Assert.Equal(vocabulary.Select(reference.Frequency), batched);
                Assert.Equal(vocabulary.Select(reference.Frequency), vocabulary.Select(frequencies.Frequency));
            }
        }

        Assert.True(reference.Frequency(everywhere[0]) > ushort.MaxValue, $"the test must cross the 16-bit range ({reference.Frequency(everywhere[0])})");
        Assert.True(frequencies.SaturatedCounters > 0);
        Assert.Equal(vocabulary.Select(reference.Frequency), vocabulary.Select(frequencies.Frequency));
        Assert.Equal(live.Count, frequencies.Documents);
    }

    [Fact]
    public void Both_counters_of_a_term_share_one_cache_line_and_every_line_is_used()
    {
        var frequencies = new DocumentFrequencies();
        var random = new Random(23);
        var lines = new HashSet<long>();
        var firsts = new HashSet<long>();
        var seconds = new HashSet<long>();
        for (var k = 0; k < 1_500_000; k++)
        {
            var term = (uint)random.NextInt64(0, (long)uint.MaxValue + 1);
            var (a, b) = frequencies.Slots(term);
            var lineA = frequencies.AddressOf(a) / 64;
            Assert.Equal(lineA, frequencies.AddressOf(b) / 64);
            var offsetA = frequencies.AddressOf(a) % 64;
            var offsetB = frequencies.AddressOf(b) % 64;
            Assert.InRange(offsetA, 0, 31); // row 0: the line's first half
            Assert.InRange(offsetB, 32, 63); // row 1: its second half
            lines.Add(lineA);
            firsts.Add(offsetA);
            seconds.Add(offsetB);
        }

        // 2^16 lines of 64 bytes (4 MB), every one reached; both halves' 16 counters reached.
        Assert.Equal(1 << 16, lines.Count);
        Assert.Equal(16, firsts.Count);
        Assert.Equal(16, seconds.Count);
        Assert.Equal(4L << 20, DocumentFrequencies.MemoryBytes);
    }

    [Fact]
    public void Forgetting_terms_never_observed_is_refused_and_changes_nothing()
    {
        var frequencies = new DocumentFrequencies();
        frequencies.Observe([11, 13]);
        var version = frequencies.Version;
        Assert.Throws<InvalidOperationException>(() => frequencies.Forget([11, 17]));
        Assert.Equal(1, frequencies.Frequency(11));
        Assert.Equal(1, frequencies.Documents);
        Assert.Equal(version, frequencies.Version);
    }

    /// <summary>
    /// The sketch as a plain model: two rows of 32-bit counters over the blocked slots (SplitMix64 of the term; its low
    /// 16 bits pick a line of 32 counters, bits 32–35 the row-0 counter in the line's first half, bits 48–51 the row-1
    /// counter in its second half).
    /// </summary>
    private sealed class ReferenceSketch
    {
        private readonly Dictionary<int, int> _row0 = [];
        private readonly Dictionary<int, int> _row1 = [];

        public void Observe(uint[] terms) => Add(terms, 1);

        public void Forget(uint[] terms) => Add(terms, -1);

        public int Frequency(uint term)
        {
            var (a, b) = Slots(term);
            return Math.Min(_row0.GetValueOrDefault(a), _row1.GetValueOrDefault(b));
        }

        private void Add(uint[] terms, int delta)
        {
            foreach (var term in terms)
            {
                var (a, b) = Slots(term);
                _row0[a] = _row0.GetValueOrDefault(a) + delta;
                _row1[b] = _row1.GetValueOrDefault(b) + delta;
            }
        }

        private static (int A, int B) Slots(uint term)
        {
            var x = (ulong)term;
            x ^= x >> 30;
            x *= 0xbf58476d1ce4e5b9UL;
            x ^= x >> 27;
            x *= 0x94d049bb133111ebUL;
            x ^= x >> 31;
            var line = (int)(x & 0xFFFF) * 32;
            return (line + (int)((x >> 32) & 15), line + 16 + (int)((x >> 48) & 15));
        }
    }
}
