using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Index;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The shared term dictionary: dense indexes, reference counts, release and reuse, and its holders.</summary>
public sealed class TermDictionaryTests
{
    [Fact]
    public void Table_grows_in_one_and_a_half_steps_and_finds_every_term_at_every_size()
    {
        var dictionary = new TermDictionary();
        var sizes = new List<int> { dictionary.TableSlots };
        var terms = new List<uint>();
        for (var i = 0; i < 30_000; i++)
        {
            var term = (uint)(i * 7_919) + 11u;
            terms.Add(term);
            Assert.Equal(i, dictionary.Acquire(term));
            if (dictionary.TableSlots != sizes[^1])
            {
                Assert.Equal(sizes[^1] + (sizes[^1] / 2), dictionary.TableSlots);
                sizes.Add(dictionary.TableSlots);
                Assert.All(terms, (t, index) => Assert.Equal(index, dictionary.Find(t))); // rehashed into the new size
            }

            Assert.True(dictionary.Count * 4L <= dictionary.TableSlots * 3L);
        }

        Assert.Equal([1024, 1536, 2304, 3456, 5184, 7776, 11664, 17496, 26244, 39366, 59049], sizes);
        Assert.Equal(-1, dictionary.Find(5u));

        // Release every other term (backward-shift deletion around a non-power-of-two table), then the rest.
        for (var i = 0; i < terms.Count; i += 2)
        {
            dictionary.Release(i);
        }

        for (var i = 0; i < terms.Count; i++)
        {
            Assert.Equal(i % 2 == 0 ? -1 : i, dictionary.Find(terms[i]));
        }

        for (var i = 1; i < terms.Count; i += 2)
        {
            dictionary.Release(i);
        }

        Assert.Equal(0, dictionary.Count);
        Assert.All(terms, t => Assert.Equal(-1, dictionary.Find(t)));
    }

    [Fact]
    public void Dictionary_matches_a_reference_count_model_through_acquires_releases_and_reuse()
    {
        // Few distinct terms with clustered hashes: long probe runs, so backward-shift deletion and resizing are exercised.
        var random = new Random(3);
        var dictionary = new TermDictionary();
        var references = new Dictionary<uint, int>();
        var indexOf = new Dictionary<uint, int>();
        var freed = new HashSet<int>();
        for (var step = 0; step < 200_000; step++)
        {
            var term = ((uint)random.Next(1, 6_000) << 19) | 1u;
            if (references.TryGetValue(term, out var count) && random.Next(2) == 0)
            {
                dictionary.Release(indexOf[term]);
                if (count == 1)
                {
                    references.Remove(term);
                    freed.Add(indexOf[term]);
                    Assert.Equal(-1, dictionary.Find(term));
                    Assert.Equal(0, dictionary.ReferencesOf(indexOf[term]));
                    indexOf.Remove(term);
                }
                else
                {
                    references[term] = count - 1;
                }
            }
            else
            {
                var index = dictionary.Acquire(term);
                if (indexOf.TryGetValue(term, out var known))
                {
                    Assert.Equal(known, index); // a held term keeps its index
                }
                else
                {
                    // A new entry takes a freed index when there is one, else the next unused one.
                    Assert.True(freed.Remove(index) || index == dictionary.Capacity - 1, $"index {index}");
                    indexOf[term] = index;
                }

                references[term] = references.GetValueOrDefault(term) + 1;
            }
        }

        Assert.Equal(references.Count, dictionary.Count);
        Assert.True(dictionary.Capacity <= 6_000);
        foreach (var (term, count) in references)
        {
            var index = dictionary.Find(term);
            Assert.Equal(indexOf[term], index);
            Assert.Equal(term, dictionary.TermOf(index));
            Assert.Equal(count, dictionary.ReferencesOf(index));
        }

        Assert.Equal(-1, dictionary.Find(12345u));
        Assert.Throws<ArgumentOutOfRangeException>(() => dictionary.Release(freed.Count > 0 ? freed.First() : dictionary.Capacity));
    }

    [Fact]
    public void Dictionary_frees_every_entry_with_its_last_reference()
    {
        var dictionary = new TermDictionary();
        var terms = Enumerable.Range(0, 5_000).Select(i => ((uint)i * 2654435761u) | 1u).ToArray();
        var indexes = terms.Select(dictionary.Acquire).ToArray();
        Assert.Equal(Enumerable.Range(0, 5_000), indexes);
        foreach (var term in terms)
        {
            dictionary.Acquire(term);
        }

        var bytes = dictionary.MemoryBytes;
        foreach (var index in indexes)
        {
            dictionary.Release(index);
        }

        Assert.Equal(5_000, dictionary.Count);
        foreach (var index in indexes)
        {
            dictionary.Release(index);
        }

        Assert.Equal(0, dictionary.Count);
        Assert.All(terms, t => Assert.Equal(-1, dictionary.Find(t)));

        // The same number of other terms reuses the freed indexes: nothing grows.
        var others = Enumerable.Range(0, 5_000).Select(i => ((uint)(i + 10_000) * 2654435761u) | 1u).Select(dictionary.Acquire).ToArray();
        Assert.Equal(Enumerable.Range(0, 5_000), others.Order());
        Assert.Equal(5_000, dictionary.Capacity);
        Assert.Equal(bytes, dictionary.MemoryBytes);
    }

    [Fact]
    public void Counts_past_sixteen_bits_are_kept_exactly()
    {
        // A common word is held by every story's centroid and list: far more than 65,535 references.
        var dictionary = new TermDictionary();
        var common = dictionary.Acquire(77u);
        var rare = dictionary.Acquire(79u);
        for (var k = 1; k < 200_000; k++)
        {
            Assert.Equal(common, dictionary.Acquire(77u));
            if (k is 65_533 or 65_534 or 65_535 or 65_536 or 199_999)
            {
                Assert.Equal(k + 1, dictionary.ReferencesOf(common));
            }
        }

        for (var k = 200_000; k > 1; k--)
        {
            dictionary.Release(common);
            if (k - 1 is 65_536 or 65_535 or 65_534 or 1)
            {
                Assert.Equal(k - 1, dictionary.ReferencesOf(common));
            }
        }

        Assert.Equal(77u, dictionary.TermOf(common));
        dictionary.Release(common);
        Assert.Equal(-1, dictionary.Find(77u));
        Assert.Equal(1, dictionary.ReferencesOf(rare));
        Assert.Equal(1, dictionary.Count);
    }

    [Fact]
    public void Term_postings_hold_one_dictionary_reference_per_list_and_collect_by_index()
    {
        var dictionary = new TermDictionary();
        var postings = new TermPostings(dictionary);
        var centroidHeld = dictionary.Acquire(101u); // as a centroid would
        for (var v = 0; v < 20; v++)
        {
            postings.Add(101u, v);
            postings.Add(203u, v);
        }

        Assert.Equal(2, dictionary.ReferencesOf(centroidHeld));
        var listOnly = dictionary.Find(203u);
        Assert.Equal(1, dictionary.ReferencesOf(listOnly));
        Assert.Equal(2, postings.Keys);

        var byIndex = new List<int>();
        var byTerm = new List<int>();
        Assert.True(postings.TryCollectAt(listOnly, 100, byIndex));
        Assert.True(postings.TryCollect(203u, 100, byTerm));
        Assert.Equal(Enumerable.Range(0, 20), byIndex.Order());
        Assert.Equal(byIndex, byTerm);
        Assert.True(postings.TryCollectAt(-1, 100, byIndex)); // a term no story holds: nothing, not "too common"
        Assert.Equal(20, byIndex.Count);

        for (var v = 0; v < 20; v++)
        {
            Assert.True(postings.Remove(203u, v));
            Assert.True(postings.Remove(101u, v));
        }

        // The emptied lists gave their references back: the list-only term is gone, the centroid's stays.
        Assert.Equal(-1, dictionary.Find(203u));
        Assert.Equal(1, dictionary.ReferencesOf(centroidHeld));
        Assert.Equal(0, postings.Keys);
        Assert.False(postings.Remove(101u, 0));
    }

    [Fact]
    public void Postings_keep_every_value_of_three_bytes_through_one_story_lists_and_blocks()
    {
        int[] values = [0, 1, 255, 256, 65_535, 65_536, 1 << 23, TermPostings.MaxValue - 1, TermPostings.MaxValue];
        var postings = new TermPostings();
        var collected = new List<int>();
        for (var n = 1; n <= values.Length; n++)
        {
            // A list of n values: n = 1 lives in the head, more in a block; then shrink back one at a time.
            foreach (var value in values[..n])
            {
                postings.Add(5u, value);
            }

            for (var left = n; left > 0; left--)
            {
                collected.Clear();
                Assert.True(postings.TryCollect(5u, int.MaxValue, collected));
                Assert.Equal(values[..left].Order(), collected.Order());
                Assert.Equal(left, postings.CountOf(5u));
                Assert.True(postings.Remove(5u, values[left - 1]));
            }

            Assert.Equal(0, postings.CountOf(5u));
            Assert.Equal(0, postings.Keys);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => postings.Add(5u, TermPostings.MaxValue + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => postings.Add(5u, -1));
        Assert.Equal(0, postings.Terms.Count);
    }

    [Fact]
    public void Expired_stories_give_their_terms_back_and_a_restarted_engine_holds_the_same_terms()
    {
        var generator = new SyntheticArticles(5);
        var engine = new StoryEngine();
        var profiles = new Dictionary<string, StoryProfile>();
        for (var i = 0; i < 300; i++)
        {
            var article = generator.Create(i);
            var target = engine.Match(article).FirstOrDefault()?.StoryId ?? $"s{i}";
            profiles[target] = engine.Add(target, article, profiles.GetValueOrDefault(target));
            if (i % 3 == 0)
            {
                // Copies join their story (a centroid that changes and keeps most of its terms).
                var copy = article with { Id = $"copy-{i}", Outlet = "copies.example" };
                profiles[target] = engine.Add(target, copy, profiles[target]);
            }
        }

        Assert.True(engine.DistinctTerms > 1_000);
        var restarted = new StoryEngine();
        foreach (var profile in profiles.Values)
        {
            restarted.Load(profile);
        }

        Assert.Equal(engine.DistinctTerms, restarted.DistinctTerms);
        Assert.Equal(engine.ActiveStoryCount, engine.Expire(DateTimeOffset.UnixEpoch.AddDays(400)));
        Assert.Equal(0, engine.DistinctTerms);
    }
}
