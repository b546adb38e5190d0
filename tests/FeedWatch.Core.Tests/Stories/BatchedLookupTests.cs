using FeedWatch.Stories.Index;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The batched reads of the match path give exactly what the one-at-a-time reads give.</summary>
public sealed class BatchedLookupTests
{
    [Fact]
    public void Dictionary_find_all_equals_find_for_held_and_absent_terms_through_growth_and_release()
    {
        var random = new Random(17);
        var dictionary = new TermDictionary();
        var held = new Dictionary<uint, int>();
        for (var round = 0; round < 40; round++)
        {
            // Clustered ids (neighbours share probe runs) and a few far ones; some released again.
            for (var i = 0; i < 1_500; i++)
            {
                var term = (uint)random.Next(0, 60_000) | 1u;
                held[term] = dictionary.Acquire(term);
            }

            foreach (var term in held.Keys.Where(_ => random.Next(3) == 0).ToList())
            {
                dictionary.Release(held[term]);
                if (dictionary.Find(term) < 0)
                {
                    held.Remove(term);
                }
            }

            var query = Enumerable.Range(0, 300).Select(_ => (uint)random.Next(0, 70_000) | 1u).ToArray();
            var batched = new int[query.Length];
            dictionary.FindAll(query, batched);
            for (var i = 0; i < query.Length; i++)
            {
                Assert.Equal(dictionary.Find(query[i]), batched[i]);
                Assert.Equal(held.TryGetValue(query[i], out var index) ? index : -1, batched[i]);
            }
        }

        Assert.Throws<ArgumentException>(() => dictionary.FindAll([1u, 3u], new int[1]));
        dictionary.FindAll([], []);
    }

    [Fact]
    public void Postings_touch_changes_nothing_for_any_kind_of_list()
    {
        var dictionary = new TermDictionary();
        var postings = new TermPostings(dictionary);
        postings.Add(11u, 7); // one story: the head alone
        for (var v = 0; v < 50; v++)
        {
            postings.Add(13u, v); // a block
        }

        for (var v = 0; v < 100_000; v++)
        {
            postings.Add(15u, v); // past a page: a list of its own
        }

        var absent = dictionary.Find(17u);
        int[] indexes = [dictionary.Find(11u), dictionary.Find(13u), dictionary.Find(15u), absent, -1, int.MaxValue, dictionary.Capacity + 5];
        string Snapshot(int limit) => string.Join(';', indexes.Select(index =>
        {
            var into = new List<int>();
            var ok = postings.TryCollectAt(index, limit, into);
            return $"{ok}:{string.Join(',', into.Order())}";
        }));

        foreach (var limit in new[] { 0, 1, 49, 50, 4_000, int.MaxValue })
        {
            var before = Snapshot(limit);
            postings.Touch(indexes, limit);
            Assert.Equal(before, Snapshot(limit));
        }

        Assert.Equal(1, postings.CountOf(11u));
        Assert.Equal(50, postings.CountOf(13u));
        Assert.Equal(100_000, postings.CountOf(15u));
    }
}
