using System.Runtime.CompilerServices;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Passages;
using FeedWatch.Stories.Queries;
using FeedWatch.Stories.Relations;
using FeedWatch.Stories.Scoring;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories;

/// <summary> Candidate retrieval: LSH bands over the MinHash sketch plus the rare-term postings, best candidates first. </summary>
public sealed partial class StoryEngine
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<int> CollectCandidates(ArticleFingerprint fingerprint, IndexedTopic indexed)
    {
        var topic = indexed.Topic;
        var found = new List<int>();
        var postings = _postingScratch;
        if (_seenStamp.Length < _store.StorySlots)
        {
            Array.Resize(ref _seenStamp, Math.Max(_store.StorySlots, _seenStamp.Length * 2));
        }

        // A fresh stamp marks "seen in this call" without clearing the array; when the byte wraps to 0 the array is
        // cleared (a memset every 255 matches) so no earlier call's mark can equal the stamp.
        if (++_stamp == 0)
        {
            Array.Clear(_seenStamp);
            _stamp = 1;
        }

        var seenStamp = _seenStamp;
        var stamp = _stamp;

        // Reuse candidates: any LSH band collision.
        Span<uint> keys = stackalloc uint[MinHashSketch.Bins];
        var keyCount = LshKeys(fingerprint.MinHash, keys);
        if (TrickSwitches.Touch)
        {
            _touchSink += _lsh.Touch(keys[..keyCount]);
        }

        foreach (var key in keys[..keyCount])
        {
            postings.Clear();
            _lsh.Collect(key, postings);
            foreach (var repSlot in postings)
            {
                var storySlot = _store.Representative(repSlot).StorySlot;
                if (storySlot >= 0 && seenStamp[storySlot] != stamp)
                {
                    seenStamp[storySlot] = stamp;
                    found.Add(storySlot);
                }
            }
        }

        // Topic candidates: stories sharing the article's rarest salient terms, best accumulated weight first
        // (weight descending, term id ascending: one packed sortable key per term).
        var termCount = topic.Terms.Length;
        var order = termCount <= 256 ? stackalloc ulong[termCount] : new ulong[termCount];
        for (var i = 0; i < termCount; i++)
        {
            order[i] = ((ulong)(uint.MaxValue - BitConverter.SingleToUInt32Bits(topic.Weights[i])) << 32) | (uint)i;
        }

        // Only the first QueryTerms keys are read: those are selected and sorted, not all (keys are distinct: same order).
        KeySelection.SortSmallest(order, _options.QueryTerms);
        // All postings first (one run per query term), so the accumulator is sized once for the stories they name.
        var queried = Math.Min(_options.QueryTerms, termCount);
        var runEnds = queried <= 256 ? stackalloc int[queried] : new int[queried];
        var queriedIndexes = queried <= 256 ? stackalloc int[queried] : new int[queried];
        for (var k = 0; k < queried; k++)
        {
            queriedIndexes[k] = indexed.TermIndexes[(int)(uint)order[k]];
        }

        // Heads and blocks of all the lists read back to back first, so their cache misses overlap.
        if (TrickSwitches.Touch)
        {
            _touchSink += (uint)_termIndex.Touch(queriedIndexes, _options.MaxPostingsPerTerm);
        }

        postings.Clear();
        for (var k = 0; k < queried; k++)
        {
            _termIndex.TryCollectAt(queriedIndexes[k], _options.MaxPostingsPerTerm, postings);
            runEnds[k] = postings.Count;
        }

        var accumulator = _accumulator;
        accumulator.Reset(postings.Count);
        var runStart = 0;
        for (var k = 0; k < queried; k++)
        {
            double weight = topic.Weights[(int)(uint)order[k]];
            for (var p = runStart; p < runEnds[k]; p++)
            {
                accumulator.Add(postings[p], weight);
            }

            runStart = runEnds[k];
        }

        // Bounded selection of the best-accumulated stories (weight descending, slot ascending): a hand-rolled min-heap
        // of MaxCandidates whose root is the weakest kept story, so most of the thousands of touched stories are
        // rejected by one comparison.
        var limit = Math.Max(0, _options.MaxCandidates);
        if (_heap.Length < limit)
        {
            _heap = new (double Weight, int Slot)[limit];
        }

        var heap = _heap;
        var size = 0;
        for (var t = 0; t < accumulator.Count; t++)
        {
            var candidate = (accumulator.SumAt(t), accumulator.SlotAt(t));
            if (size < limit)
            {
                heap[size] = candidate;
                SiftUp(heap, size++);
            }
            else if (limit > 0 && Weaker(heap[0], candidate))
            {
                heap[0] = candidate;
                SiftDown(heap, size);
            }
        }

        var selected = heap.AsSpan(0, size);
        CandidateOrder.Sort(selected);
        foreach (var (_, slot) in selected)
        {
            if (seenStamp[slot] != stamp)
            {
                seenStamp[slot] = stamp;
                found.Add(slot);
            }
        }

        return found;
    }

    /// <summary>
    /// Reads one word of every cache line the exact scoring of the candidates will read, in passes of independent
    /// loads: the candidates' records, centroids and sketches are scattered over the heap, and scoring them one after
    /// the other waited for each cache miss in turn (most of its time at 100,000 stories); here the misses overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Touch(List<int> candidates)
    {
        // In stages, each one pass of independent loads over every candidate: the story records first (what the next
        // stage's addresses come from), then the centroids and the representative records (sketches inline) they point to. One
        // candidate at a time, each stage waited for the previous one's miss. The representatives' article ids are not
        // touched: scoring reads one only when that representative could decide the reuse score (see Score).
        var sink = 0u;
        foreach (var slot in candidates)
        {
            ref var story = ref _store.Story(slot);
            // A 72-byte record straddles two cache lines more often than not: read its first and last fields.
            sink += (uint)BitConverter.DoubleToInt64Bits(story.CentroidNorm) + story.RepresentativeCount;
        }

        var arena = _store.Centroids;
        foreach (var slot in candidates)
        {
            ref var story = ref _store.Story(slot);
            // Words and IDF codes are one run of bytes: every cache line of it, and its last.
            var centroid = arena.Bytes(story.CentroidBlock, story.CentroidCount);
            for (var i = 0; i < centroid.Length; i += 64)
            {
                sink += centroid[i];
            }

            if (centroid.Length > 0)
            {
                sink += centroid[^1];
            }

            foreach (var repSlot in _store.Representatives(slot))
            {
                // The record's shingle count and the sketch after it, 132 bytes: one read every 64 bytes and the last.
                ref var representative = ref _store.Representative(repSlot);
                sink += (uint)representative.ShingleCount + representative.MinHash[20] + (uint)representative.MinHash[52] + representative.MinHash[MinHashSketch.Bins - 1];
            }
        }

        _touchSink = sink;
    }

    /// <summary>Candidate order: more accumulated weight first, then the lower (older) slot.</summary>
    private static bool Weaker((double Weight, int Slot) a, (double Weight, int Slot) b) =>
        a.Weight < b.Weight || (a.Weight == b.Weight && a.Slot > b.Slot);

    private static void SiftUp((double Weight, int Slot)[] heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Weaker(heap[i], heap[parent]))
            {
                return;
            }

            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private static void SiftDown((double Weight, int Slot)[] heap, int size)
    {
        var i = 0;
        while (true)
        {
            var weakest = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < size && Weaker(heap[left], heap[weakest]))
            {
                weakest = left;
            }

            if (right < size && Weaker(heap[right], heap[weakest]))
            {
                weakest = right;
            }

            if (weakest == i)
            {
                return;
            }

            (heap[i], heap[weakest]) = (heap[weakest], heap[i]);
            i = weakest;
        }
    }

    private int LshKeys(ReadOnlySpan<ushort> minHash, Span<uint> into) => LshBands.Keys(minHash, _options.LshRowsPerBand, into);
}
