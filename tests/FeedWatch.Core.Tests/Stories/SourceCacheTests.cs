using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Index;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The source window: what is cached depends on sequence numbers only, never on reads.</summary>
public sealed class SourceCacheTests
{
    private static CachedSource Source(string id) => new(new StoryArticle(id, "wire.example", null, null, "", "text"), [1UL], []);

    [Fact]
    public void Representatives_leave_when_the_window_moves_past_them_and_reads_change_nothing()
    {
        var cache = new SourceCache(window: 3);
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            cache.Advance(sequence);
            cache.Put(sequence * 10, Source($"a{sequence}"), sequence);
        }

        Assert.Equal(3, cache.Count);
        // Reading the oldest does not keep it (an LRU cache would): the window decides alone.
        Assert.Equal("a1", cache.Peek(10)?.Article.Id);
        cache.Advance(4);
        Assert.Null(cache.Peek(10));
        Assert.Null(cache.AddedAtOf(10));
        Assert.Equal(2, cache.AddedAtOf(20));
        Assert.Equal([20, 30], new[] { 10, 20, 30 }.Where(k => cache.Peek(k) is not null));

        // A sequence number that never advances past an entry keeps it, however many reads happen elsewhere.
        cache.Advance(4);
        Assert.Equal(2, cache.Count);
        cache.Advance(6);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_representative_older_than_the_window_is_not_cached_and_a_later_advance_evicts_regardless_of_put_order()
    {
        var cache = new SourceCache(window: 4);
        cache.Advance(10);
        cache.Put(1, Source("too-old"), 6); // 6 ≤ 10 − 4
        Assert.Null(cache.Peek(1));
        Assert.False(cache.Holds(6));
        Assert.True(cache.Holds(7));

        // Profiles load in any order and raise the sequence as they go: the end state is the same either way.
        var forward = new SourceCache(window: 4);
        var backward = new SourceCache(window: 4);
        var entries = new[] { (Key: 1, AddedAt: 3L, Sequence: 5L), (Key: 2, AddedAt: 7L, Sequence: 9L), (Key: 3, AddedAt: 8L, Sequence: 8L) };
        foreach (var (key, addedAt, sequence) in entries)
        {
            forward.Put(key, Source($"r{key}"), addedAt);
            forward.Advance(sequence);
        }

        foreach (var (key, addedAt, sequence) in entries.Reverse())
        {
            backward.Put(key, Source($"r{key}"), addedAt);
            backward.Advance(sequence);
        }

        Assert.Equal([2, 3], new[] { 1, 2, 3 }.Where(k => forward.Peek(k) is not null));
        Assert.Equal([2, 3], new[] { 1, 2, 3 }.Where(k => backward.Peek(k) is not null));
    }

    [Fact]
    public void Removing_and_re_putting_a_key_replaces_its_entry_and_a_zero_window_caches_nothing()
    {
        var cache = new SourceCache(window: 2);
        cache.Advance(5);
        cache.Put(1, Source("first"), 5);
        cache.Put(1, Source("second"), 4);
        Assert.Equal("second", cache.Peek(1)!.Article.Id);
        Assert.Equal(4, cache.AddedAtOf(1));
        cache.Remove(1);
        Assert.Equal(0, cache.Count);

        var none = new SourceCache(window: 0);
        none.Put(1, Source("x"), 0);
        Assert.Equal(0, none.Count);
    }

    [Fact]
    public void Profiles_carry_each_cached_representatives_sequence_and_a_reload_caches_the_same_sources()
    {
        var options = new StoryEngineOptions { SourceCacheSize = 2 };
        var engine = new StoryEngine(options);
        engine.Add("bridge", Fixtures.Article("origin", "wire.example", "Bridge", Fixtures.Wire));
        engine.Add("canal", Fixtures.Article("other", "north.example", "Canal", Fixtures.OtherEvent));
        var bridge = engine.Add("bridge", Fixtures.Article("own", "local.example", "Witness", Fixtures.OwnWords, hours: 2));

        // Sequence 3: "origin" (joined at 1) has left the two-article window, "own" (3) is in it.
        Assert.Equal(["origin", "own"], bridge.Representatives.Select(r => r.Id));
        Assert.Equal([null, 3L], bridge.RepresentativeSequences);

        var again = new StoryEngine(options);
        again.Load(bridge);
        var written = again.Add("bridge", Fixtures.Article("third", "west.example", "Third", Fixtures.OwnWords + " More.", hours: 4));
        // Reloaded at sequence 3 and one more article: "own" (3) is still inside the window of 2, "third" joined at 4.
        Assert.Equal(written.Representatives.Select(r => r.Id).Select(id => id switch { "own" => (long?)3, "third" => 4, _ => null }), written.RepresentativeSequences);
    }
}
