using FeedWatch.Stories.Fingerprints;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The branch-free quickselect puts exactly the smallest keys in front, whatever the input.</summary>
public sealed class KeySelectionTests
{
    [Fact]
    public void The_front_holds_the_smallest_keys_and_every_key_is_kept()
    {
        var random = new Random(29);
        for (var trial = 0; trial < 3_000; trial++)
        {
            var n = trial % 7 == 0 ? random.Next(0, 4) : random.Next(0, 400);
            // Distinct random keys, keys from a tiny range (many duplicates), and sorted or reversed runs.
            var shape = trial % 4;
            var keys = Enumerable.Range(0, n).Select(k => shape switch
            {
                0 => (ulong)random.NextInt64(),
                1 => (ulong)random.Next(0, 5),
                2 => (ulong)k,
                _ => (ulong)(n - k),
            }).ToArray();
            var count = n == 0 ? 0 : random.Next(0, n + 1);
            var sorted = keys.Order().ToArray();
            var selected = keys.ToArray();
            KeySelection.SmallestFirst(selected, count);

            Assert.Equal(sorted, selected.Order().ToArray());
            Assert.Equal(sorted[..count], selected[..count].Order().ToArray());
        }
    }

    [Fact]
    public void Sort_smallest_gives_the_front_of_a_full_sort()
    {
        var random = new Random(31);
        for (var trial = 0; trial < 500; trial++)
        {
            var keys = Enumerable.Range(0, random.Next(0, 300)).Select(_ => (ulong)random.NextInt64()).ToArray();
            var count = random.Next(0, keys.Length + 10);
            var expected = keys.Order().Take(count).ToArray();
            KeySelection.SortSmallest(keys, count);
            Assert.Equal(expected, keys[..expected.Length]);
        }
    }
}
