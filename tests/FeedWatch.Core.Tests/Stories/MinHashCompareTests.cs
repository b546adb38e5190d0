using FeedWatch.Stories.Fingerprints;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The vectorised sketch comparison counts exactly what the bin-by-bin loop counts (so the same doubles).</summary>
public sealed class MinHashCompareTests
{
    [Fact]
    public void Vectorised_and_scalar_Jaccard_agree_bit_for_bit_on_random_sketches()
    {
        var random = new Random(4711);
        var a = new ushort[MinHashSketch.Bins];
        var b = new ushort[MinHashSketch.Bins];
        var distinctValues = new HashSet<double>();
        for (var round = 0; round < 20_000; round++)
        {
            // Each bin: empty in one, both or neither; equal or not; values from a small range so equal bins are common.
            var emptyShare = random.NextDouble();
            var equalShare = random.NextDouble();
            for (var i = 0; i < MinHashSketch.Bins; i++)
            {
                a[i] = random.NextDouble() < emptyShare ? MinHashSketch.Empty : (ushort)random.Next(0, round % 3 == 0 ? 4 : MinHashSketch.Empty);
                b[i] = random.NextDouble() < equalShare ? a[i]
                    : random.NextDouble() < emptyShare ? MinHashSketch.Empty
                    : (ushort)random.Next(0, round % 3 == 0 ? 4 : MinHashSketch.Empty);
            }

            var scalar = MinHashSketch.JaccardScalar(a, b);
            Assert.Equal(BitConverter.DoubleToInt64Bits(scalar), BitConverter.DoubleToInt64Bits(MinHashSketch.JaccardVectorised(a, b)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(scalar), BitConverter.DoubleToInt64Bits(MinHashSketch.Jaccard(a, b)));
            distinctValues.Add(scalar);
        }

        Assert.True(distinctValues.Count > 500, $"the random sketches cover many estimates: {distinctValues.Count}");
    }

    [Fact]
    public void Edge_cases_agree_all_empty_all_equal_and_one_differing_bin_in_each_lane()
    {
        var empty = Enumerable.Repeat(MinHashSketch.Empty, MinHashSketch.Bins).ToArray();
        var full = Enumerable.Range(0, MinHashSketch.Bins).Select(i => (ushort)(i * 7)).ToArray();
        Assert.Equal(0, MinHashSketch.JaccardVectorised(empty, empty));
        Assert.Equal(1, MinHashSketch.JaccardVectorised(full, full));
        Assert.Equal(0, MinHashSketch.JaccardVectorised(full, empty));
        Assert.Equal(0, MinHashSketch.JaccardVectorised(empty, full));
        for (var i = 0; i < MinHashSketch.Bins; i++)
        {
            var other = (ushort[])full.Clone();
            other[i] = MinHashSketch.Empty;
            Assert.Equal(MinHashSketch.JaccardScalar(full, other), MinHashSketch.JaccardVectorised(full, other));
            Assert.Equal(63 / 64.0, MinHashSketch.JaccardVectorised(full, other));
            var half = (ushort[])empty.Clone();
            half[i] = full[i];
            Assert.Equal(1.0, MinHashSketch.JaccardVectorised(half, half));
            Assert.Equal(MinHashSketch.JaccardScalar(half, other), MinHashSketch.JaccardVectorised(half, other));
        }
    }

    [Fact]
    public void Sketches_of_another_length_are_compared_bin_by_bin_or_refused_by_the_vector_form()
    {
        ushort[] a = [1, 2, MinHashSketch.Empty];
        ushort[] b = [1, 3, MinHashSketch.Empty];
        Assert.Equal(0.5, MinHashSketch.Jaccard(a, b));
        Assert.Throws<ArgumentException>(() => MinHashSketch.JaccardVectorised(a, b));
    }
}
