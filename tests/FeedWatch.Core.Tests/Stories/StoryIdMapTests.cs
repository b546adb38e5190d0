using FeedWatch.Stories.Index;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The story id → slot table: ×1.5 growth with non-power-of-two sizes, look-ups and backward-shift removal.</summary>
public sealed class StoryIdMapTests
{
    [Fact]
    public void Map_grows_in_one_and_a_half_steps_and_finds_every_id_through_adds_and_removes()
    {
        var arena = new IdArena();
        var handles = new List<int>();
        var map = new StoryIdMap(slot => handles[slot], () => arena);
        var sizes = new List<int> { map.Slots };
        for (var slot = 0; slot < 20_000; slot++)
        {
            handles.Add(arena.Add($"story-{slot * 31}"));
            map.Add(slot);
            if (map.Slots != sizes[^1])
            {
                Assert.Equal(sizes[^1] + (sizes[^1] / 2), map.Slots);
                sizes.Add(map.Slots);
            }

            Assert.True(map.Count * 4L <= map.Slots * 3L);
        }

        Assert.Equal([1024, 1536, 2304, 3456, 5184, 7776, 11664, 17496, 26244, 39366], sizes);
        for (var slot = 0; slot < handles.Count; slot++)
        {
            Assert.True(map.TryGet($"story-{slot * 31}", out var found));
            Assert.Equal(slot, found);
        }

        Assert.False(map.TryGet("story-1", out _));

        // Remove every third slot: the others stay findable across the wrap of a non-power-of-two table.
        for (var slot = 0; slot < handles.Count; slot += 3)
        {
            map.Remove(slot);
        }

        for (var slot = 0; slot < handles.Count; slot++)
        {
            var present = map.TryGet($"story-{slot * 31}", out var found);
            Assert.Equal(slot % 3 != 0, present);
            Assert.Equal(present ? slot : -1, found);
        }

        Assert.Equal(handles.Count - ((handles.Count + 2) / 3), map.Count);
    }
}
