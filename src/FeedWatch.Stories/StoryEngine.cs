using System.Runtime.CompilerServices;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Passages;
using FeedWatch.Stories.Queries;
using FeedWatch.Stories.Relations;
using FeedWatch.Stories.Scoring;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories;

/// <summary>
/// The story engine. Candidate retrieval: MinHash-LSH over word 3-grams (reuse) plus an inverted index over each
/// story's rarest centroid terms (independent coverage); at most <see cref="StoryEngineOptions.MaxCandidates"/>
/// candidates are scored exactly. An article joins a story by reuse (3-gram overlap of the smaller text, so aggregator
/// pages that embed a story match) or by topic (IDF cosine to the centroid, damped by time, and only when the story
/// also has the article's names and numbers — two earthquakes share words, not places and magnitudes).
/// Not thread-safe: one engine per worker, calls serialised (the pipeline's classify stage is single-consumer per engine).
/// </summary>
public sealed partial class StoryEngine : IStoryEngine
{
    private readonly StoryEngineOptions _options;
    private readonly DocumentFrequencies _frequencies;
    private readonly ArticleFingerprinter _fingerprinter;
    private readonly RelationClassifier _classifier;
    private readonly BandTable _lsh;
    private readonly TermPostings _termIndex;
    private readonly StoryStore _store;
    private readonly SourceCache _sources;
    private ArticleFingerprint? _lastFingerprint;
    private ArticleFingerprint? _eventYearOf;
    private int? _eventYear;

    // Per-call scratch of candidate retrieval, reused so a match allocates little: stamps mark the stories seen or
    // accumulated in the current call without clearing arrays sized by the story count.
    private readonly List<int> _postingScratch = [];
    private readonly SlotAccumulator _accumulator = new();
    private (double Weight, int Slot)[] _heap = [];
    private byte[] _seenStamp = []; // a byte a story slot: cleared every 255 matches instead of every 2^31
    private byte _stamp;
    private uint _touchSink;

    public StoryEngine(StoryEngineOptions? options = null)
    {
        _options = options ?? new StoryEngineOptions();
        _frequencies = new DocumentFrequencies(_options.BackgroundDocuments);
        _fingerprinter = new ArticleFingerprinter(_options, _frequencies);
        _classifier = new RelationClassifier(_options.Relations);
        _sources = new SourceCache(_options.SourceCacheSize);
        _store = new StoryStore(_options.RepresentativesPerStory);
        _lsh = new BandTable(new StoredBandKeys(_store, _options.LshRowsPerBand));
        _termIndex = new TermPostings(_store.Terms);
    }

    public StoryEngineOptions Options => _options;

    public int ActiveStoryCount => _store.LiveStories;

    /// <summary>Distinct terms the active stories' centroids hold (entries of the index's term dictionary).</summary>
    public int DistinctTerms => _store.Terms.Count;

    /// <summary>Distinct terms with a term-postings list (the active stories' indexed terms).</summary>
    public int IndexedTermCount => _termIndex.Keys;

    /// <summary>
    /// Bytes held by everything that grows with the index, as allocated (headers, free room of pages and tables
    /// included): story and representative slabs, MinHash and centroid arenas, ids and the id table, LSH bands, term
    /// postings, the per-story scratch of retrieval — plus the fixed document-frequency sketch. Excludes the bounded
    /// source cache.
    /// </summary>
    public long EstimateIndexBytes() => IndexMemory().Sum(part => part.Bytes);

    /// <summary>What <see cref="EstimateIndexBytes"/> counts, structure by structure (for `eval speed`).</summary>
    public IReadOnlyList<(string Structure, long Bytes)> IndexMemory() =>
        [.. _store.Memory(), ("LSH bands", _lsh.MemoryBytes), ("term postings: blocks", _termIndex.BlockBytes), ("term postings: heads", _termIndex.HeadBytes), ("retrieval scratch", (long)_seenStamp.Length), ("document-frequency sketch (fixed)", DocumentFrequencies.MemoryBytes)];

    public IReadOnlyList<StoryMatch> Match(StoryArticle article)
    {
        var fingerprint = Fingerprint(article);
        var matches = new List<StoryMatch>();
        var queryText = _store.Queries.Count == 0 ? null : QueryTextOf(fingerprint);
        var topic = WeighTopic(fingerprint);
        var candidates = CollectCandidates(fingerprint, topic);
        if (TrickSwitches.Touch)
        {
            Touch(candidates);
        }

        foreach (var slot in candidates)
        {
            var score = Score(fingerprint, topic, slot);
            if (score.Joined)
            {
                matches.Add(BuildMatch(fingerprint, slot, in score));
            }
        }

        if (queryText is not null)
        {
            foreach (var (slot, query) in _store.Queries)
            {
                var storyId = _store.IdOf(slot);
                if (query.Matches(queryText) && !matches.Any(m => m.StoryId == storyId))
                {
                    // A query hit is the user's own definition of the story: full score, own wording unless reuse says otherwise.
                    matches.Add(new StoryMatch(storyId, 1.0, ReuseRelation.Independent, _store.OriginArticleIdOf(slot), []));
                }
            }
        }

        matches.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.StoryId, b.StoryId));
        return matches;
    }

    /// <summary>
    /// Diagnostics: the exact score of the article against every active story (no candidate retrieval), best first.
    /// Costs O(active stories); meant for `eval stories --explain` and tests, not for the pipeline.
    /// </summary>
    public IReadOnlyList<(string StoryId, CandidateScore Score, bool Retrieved)> Explain(StoryArticle article, int top = 5)
    {
        var fingerprint = Fingerprint(article);
        var topic = WeighTopic(fingerprint);
        var retrieved = CollectCandidates(fingerprint, topic).ToHashSet();
        return [.. _store.LiveStorySlots().ToList()
            .Select(slot => (Id: _store.IdOf(slot), Score: Score(fingerprint, topic, slot), Retrieved: retrieved.Contains(slot)))
            .OrderByDescending(x => x.Score.Score).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(top)];
    }

    public StoryProfile Add(string storyId, StoryArticle article, StoryProfile? current = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storyId);
        var fingerprint = Fingerprint(article);
        _store.CompactIdsIfNeeded();
        if (!_store.TryFind(storyId, out var story))
        {
            if (current is not null)
            {
                Load(current);
                _store.TryFind(storyId, out story);
            }
            else
            {
                var follows = FollowedStory(fingerprint);
                story = _store.CreateStory(storyId);
                RecordFollows(storyId, follows);
            }
        }

        Advance();
        if (_store.Story(story).ArticleCount == 0)
        {
            Born(story);
        }

        AddArticle(story, fingerprint);
        return BuildProfile(story, current);
    }

    public void Load(StoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (_store.TryFind(profile.StoryId, out var known))
        {
            RemoveStory(known);
        }

        var story = _store.CreateStory(profile.StoryId);
        _store.Story(story).Tracking = profile.Tracking;
        if (profile.Query is { Length: > 0 } query)
        {
            _store.SetQuery(story, StoryQuery.Parse(query));
        }

        // Profile order is the in-memory order (origin first, then as they joined), so a reloaded story drops and
        // prefers the same representatives as the engine that wrote the profile.
        var centroid = TopicVector.Empty;
        for (var k = 0; k < profile.Representatives.Count; k++)
        {
            var fingerprint = _fingerprinter.Build(profile.Representatives[k]);
            // Cached again only if it joined within the source window (a profile without the sequence: never).
            AddRepresentative(story, fingerprint, k < profile.RepresentativeSequences.Count ? profile.RepresentativeSequences[k] : null);
            centroid = Centroids.Merge(centroid, fingerprint.Topic, int.MaxValue);
        }

        _store.SetCentroid(story, profile.Terms.Count > 0
            ? Centroids.FromTerms(profile.Terms)
            : Centroids.Prune(centroid, _options.StoryTerms, _frequencies));
        CountCentroid(TopicVector.Empty, _store.Centroid(story));
        ref var record = ref _store.Story(story);
        record.ArticleCount = Math.Max(profile.ArticleCount, profile.Representatives.Count);
        record.FirstSeen = profile.FirstSeen ?? profile.Representatives.Min(r => r.Published);
        record.LastSeen = profile.LastSeen ?? profile.Representatives.Max(r => r.Published);
        record.EventYear = profile.EventYear ?? int.MinValue;
        record.EventDays = Events.EventDays.FromProfile(profile.EventDayFirst, profile.EventDayLast, profile.EventWeekdays);
        RecordFollows(profile.StoryId, profile.Follows);
        _store.SetOrigin(
            story,
            profile.OriginArticleId ?? profile.Representatives.FirstOrDefault()?.Id,
            profile.OriginOutlet ?? profile.Representatives.FirstOrDefault()?.Outlet);
        Restored(story, profile);

        Reindex(story, [], profile.Terms.Count > 0 && profile.Terms.All(t => t.Idf > 0) ? Centroids.IdfOf(profile.Terms) : null);
    }

    public int Expire(DateTimeOffset now)
    {
        var cutoff = now - _options.ActiveWindow;
        var expired = _store.LiveStorySlots()
            .Where(slot => _store.QueryOf(slot) is null && _store.Story(slot).LastSeen is { } last && last < cutoff)
            .ToList();
        foreach (var slot in expired)
        {
            RemoveStory(slot);
        }

        return expired.Count;
    }

    /// <summary>Tracks a story defined by a query: matching articles join it, and from then on it also follows by similarity.</summary>
    internal StoryProfile Track(string storyId, StoryQuery query)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storyId);
        ArgumentNullException.ThrowIfNull(query);
        var profile = new StoryProfile { StoryId = storyId, Tracking = StoryTracking.Query, Query = query.Text };
        Load(profile);
        return profile;
    }

    /// <summary>Marks a discovered story as tracked (the promotion rule fired); the change shows in its next profile.</summary>
    public void Promote(string storyId)
    {
        if (_store.TryFind(storyId, out var story) && _store.Story(story).Tracking == StoryTracking.Discovered)
        {
            _store.Story(story).Tracking = StoryTracking.Promoted;
        }
    }

    /// <summary>Classifies how <paramref name="article"/> reuses <paramref name="source"/> (exact evidence, no index involved).</summary>
    public (ReuseRelation Relation, ReuseEvidence Evidence) Classify(string article, string source)
    {
        var evidence = RelationClassifier.Measure(TextAnalyzer.Analyze(article, _options.MaxAnalyzedChars), TextAnalyzer.Analyze(source, _options.MaxAnalyzedChars));
        return (_classifier.Classify(evidence), evidence);
    }

    private ArticleFingerprint Fingerprint(StoryArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (_lastFingerprint is { } last && ReferenceEquals(last.Article, article))
        {
            return last;
        }

        _lastFingerprint = _fingerprinter.Build(article);
        return _lastFingerprint;
    }

    /// <summary>
    /// The article's topic with IDF applied (reusing the frequencies read while fingerprinting if none changed since)
    /// and its terms' dictionary indexes, with its lede names when they are scored: built once per match.
    /// </summary>
    private IndexedTopic WeighTopic(ArticleFingerprint fingerprint)
    {
        var topic = new WeightedTopic(fingerprint.Topic, _frequencies, fingerprint.FrequenciesVersion == _frequencies.Version ? fingerprint.TopicFrequencies : null);
        var lede = _options.LedeNameAgreement ? LedeNamesOf(fingerprint, topic) : [];
        return new IndexedTopic(topic, _store.Terms, lede);
    }

    private int? EventYearOf(ArticleFingerprint fingerprint)
    {
        if (!ReferenceEquals(_eventYearOf, fingerprint))
        {
            _eventYear = EventYear.Of(fingerprint.Article.Title, fingerprint.Body);
            _eventYearOf = fingerprint;
        }

        return _eventYear;
    }

    private static QueryText QueryTextOf(ArticleFingerprint fingerprint)
    {
        var title = fingerprint.Article.Title ?? "";
        return new QueryText([TextAnalyzer.Analyze(title, 2_000), fingerprint.Body]);
    }

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

    private CandidateScore Score(ArticleFingerprint fingerprint, IndexedTopic indexedTopic, int slot)
    {
        var reuse = 0.0;
        var best = -1;
        var articleId = fingerprint.Article.Id;
        foreach (var repSlot in _store.Representatives(slot))
        {
            // A representative that is the article itself (a re-check, a restart) is skipped. The id comparison reads
            // the id arena (one more page and cache miss per candidate), so it is made only where skipping can matter:
            // for a cached source (few; the exact overlap is costlier than the comparison), and for an estimate that
            // would become the best so far (one that would not changes nothing whether it is the article or not).
            // Reading the source cache changes nothing in it, so the order of these reads does not matter.
            double overlap;
            if (_sources.Peek(repSlot) is { } source)
            {
                if (_store.IsArticle(repSlot, articleId))
                {
                    continue;
                }

                var shared = ShingleSet.IntersectionCount(fingerprint.Shingles, source.Shingles);
                var smaller = Math.Min(fingerprint.Shingles.Length, source.Shingles.Length);
                overlap = smaller == 0 ? 0 : (double)shared / smaller;
                if (shared < 2 && smaller > 1)
                {
                    overlap *= 0.5; // one shared 3-gram between two texts is coincidence, not reuse
                }
            }
            else
            {
                overlap = MinHashSketch.OverlapCoefficient(fingerprint.MinHash, fingerprint.Shingles.Length, _store.MinHash(repSlot), _store.Representative(repSlot).ShingleCount);
                if (overlap > reuse && _store.IsArticle(repSlot, articleId))
                {
                    continue;
                }
            }

            if (overlap > reuse)
            {
                reuse = overlap;
                best = repSlot;
            }
        }

        ref var story = ref _store.Story(slot);
        var arena = _store.Centroids;
        var topic = CentroidComparison.Compare(
            indexedTopic,
            arena.Terms(story.CentroidBlock, story.CentroidCount),
            arena.Idf(story.CentroidBlock, story.CentroidCount),
            story.WeightScale,
            story.CentroidNorm,
            story.CentroidNameMass);
        // Dates as stored (UTC ticks, StoredDate.None = TimeProximity.NoDate for none): no date is built per candidate.
        var firstSeen = story.FirstSeenTicks;
        var time = TimeProximity.Evidence(TimeProximity.UtcTicksOf(fingerprint.Article.Published), firstSeen, story.LastSeenTicks, _options.TopicTimeScale, _options.TimeAgreementBonus, _options.TimeEvidenceFloor, _options.TopicTimeScaleBefore, _options.TimeBonusBeforeStory ? null : _options.TimeBonusTolerance);
        // Who and where, both ways: the share of the article's names the story has and of the story's names the article
        // has. Two events of one kind share most words but only some names, so the topic score leans on agreement.
        var agreement = Math.Sqrt(ArticleNameShare(indexedTopic, topic) * topic.StoryNameAgreement);
        var saga = topic.Cosine * (1 - _options.NameAgreementWeight + (_options.NameAgreementWeight * agreement));
        var topicScore = saga * time * EventFactor(fingerprint, story.EventDays);
        if ((fingerprint.Article.Published is null || firstSeen == TimeProximity.NoDate) && story.EventYear != int.MinValue && EventYearOf(fingerprint) is { } articleYear && story.EventYear != articleYear)
        {
            // No publication dates to compare: a different year in the text is the time evidence left.
            topicScore *= _options.YearMismatchFactor;
        }
        var namesAgree = !topic.HasNames || topic.NameAgreement >= _options.NameAgreementThreshold;
        // A story of one article has no evidence yet of which of its words are the event and which its locale: a topic-only
        // join needs the stricter bar until a second article has joined.
        var topicBar = story.ArticleCount <= 1 ? _options.TopicJoinThreshold * _options.YoungStoryJoinFactor : _options.TopicJoinThreshold;
        var joined = reuse >= _options.ReuseJoinThreshold || (topicScore >= topicBar && namesAgree);
        return new CandidateScore(reuse, best, topic, time, joined, Math.Round(Math.Max(reuse, topicScore), 6), namesAgree ? saga : 0);
    }

    /// <summary>
    /// The share of the article's lede names (names in its first sentences, weighted as in its topic vector) that the
    /// story has: the lede names the event's own actors and places, while names further down are often background on
    /// an earlier event of the same kind — which is exactly the story the article must not join. Falls back to the
    /// whole article's share when the lede names nobody.
    /// </summary>
    private double ArticleNameShare(IndexedTopic indexedTopic, TopicComparison topic)
    {
        if (!_options.LedeNameAgreement || indexedTopic.LedeMass <= 0)
        {
            return topic.NameAgreement;
        }

        return topic.SharedLedeNames / indexedTopic.LedeMass;
    }

    /// <summary>The distinct name terms of the article's lede that made its topic vector: their ascending positions in it.</summary>
    private int[] LedeNamesOf(ArticleFingerprint fingerprint, WeightedTopic weightedTopic)
    {
        var body = fingerprint.Body;
        var lede = Math.Min(_options.LedeSentences, body.Sentences.Length);
        var end = lede == 0 ? 0 : body.Sentences[lede - 1].FirstToken + body.Sentences[lede - 1].TokenCount;
        var found = new List<int>();
        for (var k = 0; k < end; k++)
        {
            var token = body.Tokens[k];
            if (token.IsNameLike && !token.IsNumber && !token.IsStop)
            {
                var at = Array.BinarySearch(weightedTopic.Terms, TermIds.Of(token.Stem));
                if (at >= 0 && weightedTopic.Kinds[at] != TermKind.Word)
                {
                    found.Add(at);
                }
            }
        }

        found.Sort();
        return [.. found.Distinct()]; // Distinct keeps the first of each in order, so the positions stay ascending
    }

    private StoryMatch BuildMatch(ArticleFingerprint fingerprint, int slot, in CandidateScore score)
    {
        var relation = ReuseRelation.Independent;
        var sourceId = _store.OriginArticleIdOf(slot);
        IReadOnlyList<MatchedPassage> passages = [];
        CachedSource? bestSource = null;
        var bestStrength = 0.0;

        // The most likely source: the representative with the strongest wording evidence (earliest wins ties).
        foreach (var repSlot in _store.Representatives(slot))
        {
            if (_store.IsArticle(repSlot, fingerprint.Article.Id) || _sources.Peek(repSlot) is not { } source)
            {
                continue;
            }

            var evidence = RelationClassifier.Measure(fingerprint.Shingles, fingerprint.Spots, source.Shingles, source.Spots);
            var strength = Math.Max(evidence.Overlap, evidence.Skeleton - _options.Relations.SpunGap);
            if (strength > bestStrength + 1e-9)
            {
                bestStrength = strength;
                bestSource = source;
                sourceId = _store.ArticleIdOf(repSlot);
            }
        }

        AnalyzedText? sourceText = null;
        if (bestSource is not null && bestStrength >= _options.Relations.Rewrite)
        {
            sourceText = TextAnalyzer.Analyze(bestSource.Article.Text, _options.MaxAnalyzedChars);
            relation = _classifier.Classify(RelationClassifier.Measure(fingerprint.Body, sourceText));
        }
        else if (bestSource is null && score.BestRepresentative >= 0)
        {
            // Source text no longer cached: classify from the MinHash overlap estimate.
            relation = score.Reuse >= _options.Relations.Copy ? ReuseRelation.Copy
                : score.Reuse >= _options.Relations.Rewrite ? ReuseRelation.Rewrite
                : ReuseRelation.Independent;
            sourceId = _store.ArticleIdOf(score.BestRepresentative);
        }

        if (relation == ReuseRelation.Independent)
        {
            // Own wording: attribute to the story's origin and explain with the sentences it shares with it.
            sourceId = _store.OriginArticleIdOf(slot);
            var representatives = _store.Representatives(slot);
            sourceText = representatives.Length > 0 && _sources.Peek(representatives[0]) is { } origin
                ? TextAnalyzer.Analyze(origin.Article.Text, _options.MaxAnalyzedChars)
                : null;
        }

        if (sourceText is not null && _options.MaxPassages > 0)
        {
            passages = PassageAligner.Align(fingerprint.Body, sourceText, _options.MaxPassages, _options.PassageThreshold);
        }

        return new StoryMatch(_store.IdOf(slot), score.Score, relation, sourceId, passages);
    }

    private void AddArticle(int slot, ArticleFingerprint fingerprint)
    {
        var article = fingerprint.Article;
        ref var story = ref _store.Story(slot);
        story.ArticleCount++;
        var firstSeen = story.FirstSeen;
        var becomesOrigin = story.ArticleCount == 1 || (article.Published is { } p && (firstSeen is null || p < firstSeen));
        if (story.EventYear == int.MinValue && EventYearOf(fingerprint) is { } year)
        {
            story.EventYear = year;
        }

        story.FirstSeen = Min(firstSeen, article.Published);
        story.LastSeen = Max(story.LastSeen, article.Published);
        story.EventDays = story.EventDays.Union(EventDaysOf(fingerprint));
        // The previous centroid and its IDF (as stored) give the terms indexed so far; decoded once each. The document
        // frequencies count terms only, which rounding leaves alone, so the pruned vector stands for what the story now holds.
        var previous = _store.Centroid(slot);
        var previousIndexed = IndexedTerms(previous, _store.CentroidIdf(slot));
        var updated = Centroids.Prune(Centroids.Merge(previous, fingerprint.Topic, int.MaxValue), _options.StoryTerms, _frequencies);
        _store.SetCentroid(slot, updated);
        CountCentroid(previous, updated);
        if (IsNewWording(slot, fingerprint))
        {
            AddRepresentative(slot, fingerprint, _sequence);
        }

        if (becomesOrigin)
        {
            // After the representative is in, so the origin shares its id entry when it is the same article.
            _store.SetOrigin(slot, article.Id, article.Outlet);
        }

        Reindex(slot, previousIndexed);
    }

    /// <summary>A near-duplicate of a representative adds nothing to match against, so it does not displace one.</summary>
    private bool IsNewWording(int slot, ArticleFingerprint fingerprint)
    {
        foreach (var repSlot in _store.Representatives(slot))
        {
            var overlap = _sources.Peek(repSlot) is { } source
                ? ShingleSet.IntersectionCount(fingerprint.Shingles, source.Shingles) / (double)Math.Max(1, Math.Min(fingerprint.Shingles.Length, source.Shingles.Length))
                : MinHashSketch.OverlapCoefficient(fingerprint.MinHash, fingerprint.Shingles.Length, _store.MinHash(repSlot), _store.Representative(repSlot).ShingleCount);
            if (overlap >= 0.9)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Adds a representative that joined at article sequence <paramref name="addedAt"/> (null: unknown, so its source is
    /// not cached — it joined before the window or in a profile that did not record it).
    /// </summary>
    private void AddRepresentative(int slot, ArticleFingerprint fingerprint, long? addedAt)
    {
        var article = fingerprint.Article;
        var representatives = _store.Representatives(slot);
        if (representatives.Length >= _store.RepresentativesPerStory)
        {
            // Keep the origin (index 0); drop the oldest of the others so the story follows its drift.
            var dropIndex = representatives.Length > 1 ? 1 : 0;
            RemoveFromIndex(representatives[dropIndex]);
            _store.RemoveRepresentativeAt(slot, dropIndex);
        }

        // A representative is indexed by the text its profile keeps (cut at MaxRepresentativeChars), so an engine rebuilt
        // from the profile holds the very same MinHash, band keys and 3-grams for it and scores it identically.
        var kept = article.Text.Length > _options.MaxRepresentativeChars
            ? _fingerprinter.Build(article with { Text = article.Text[.._options.MaxRepresentativeChars] })
            : fingerprint;
        var repSlot = _store.AddRepresentative(slot, article.Id, article.Outlet, article.Published, kept.MinHash, kept.Shingles.Length);
        Span<uint> keys = stackalloc uint[MinHashSketch.Bins];
        _lsh.Add(keys[..LshKeys(kept.MinHash, keys)], repSlot);

        if (addedAt is { } joined)
        {
            _sources.Put(repSlot, new CachedSource(kept.Article, kept.Shingles, kept.Spots), joined);
        }
    }

    /// <summary>Takes a representative out of the LSH bands and the source cache (its slot is freed by the store).</summary>
    private void RemoveFromIndex(int repSlot)
    {
        Span<uint> keys = stackalloc uint[MinHashSketch.Bins];
        _lsh.Remove(keys[..LshKeys(_store.MinHash(repSlot), keys)], repSlot);

        _sources.Remove(repSlot);
    }

    /// <summary>
    /// Document frequencies count the terms of the active stories' centroids (one document per story), not of every
    /// article ever seen: that is a function of the persisted profiles alone, so an engine rebuilt after a restart (or
    /// on another worker) weighs terms exactly as the one that kept running, whatever order the profiles load in.
    /// </summary>
    private void CountCentroid(TopicVector previous, TopicVector current)
    {
        if (previous.Count > 0)
        {
            _frequencies.Forget(previous.Terms);
        }

        if (current.Count > 0)
        {
            _frequencies.Observe(current.Terms);
        }
    }

    /// <summary>
    /// The terms a story posts in the term index: its <see cref="StoryEngineOptions.IndexedTermsPerStory"/> most salient
    /// centroid terms (weight × IDF as stored; the sort sees the terms in id order, so ties fall the same way every time), sorted by id. Recomputed from the stored centroid
    /// whenever needed instead of kept: the stored values are exactly those it was computed from when posted.
    /// </summary>
    private uint[] IndexedTerms(TopicVector centroid, float[] idf)
    {
        var salience = new float[centroid.Count];
        var order = new int[centroid.Count];
        for (var i = 0; i < centroid.Count; i++)
        {
            salience[i] = -centroid.Weights[i] * idf[i];
            order[i] = i;
        }

        Array.Sort(salience, order);
        var count = Math.Min(_options.IndexedTermsPerStory, order.Length);
        var wanted = new uint[count];
        for (var k = 0; k < count; k++)
        {
            wanted[k] = centroid.Terms[order[k]];
        }

        Array.Sort(wanted);
        return wanted;
    }

    private void Reindex(int slot, uint[] previouslyIndexed, float[]? persistedIdf = null)
    {
        var centroid = _store.Centroid(slot);
        _store.SetCentroidIdf(slot, persistedIdf is not null && persistedIdf.Length == centroid.Count
            ? persistedIdf
            : TopicSimilarity.Weigh(centroid, _frequencies).Idf);
        // Norm and name mass from the IDF as stored (rounded), which is what a reloaded profile gives back.
        var idf = _store.CentroidIdf(slot);
        ref var story = ref _store.Story(slot);
        story.CentroidNorm = TopicSimilarity.Norm(centroid, idf);
        story.CentroidNameMass = TopicSimilarity.NameMass(centroid, idf);
        var wanted = IndexedTerms(centroid, idf);
        foreach (var term in previouslyIndexed)
        {
            if (Array.BinarySearch(wanted, term) < 0)
            {
                _termIndex.Remove(term, slot);
            }
        }

        foreach (var term in wanted)
        {
            if (Array.BinarySearch(previouslyIndexed, term) < 0)
            {
                _termIndex.Add(term, slot);
            }
        }
    }

    private void RemoveStory(int slot)
    {
        Forget(_store.IdOf(slot));
        var centroid = _store.Centroid(slot);
        CountCentroid(centroid, TopicVector.Empty);
        foreach (var term in IndexedTerms(centroid, _store.CentroidIdf(slot)))
        {
            _termIndex.Remove(term, slot);
        }

        foreach (var repSlot in _store.Representatives(slot))
        {
            RemoveFromIndex(repSlot);
        }

        _store.ClearRepresentatives(slot);
        _store.RemoveStory(slot);
    }

    private StoryProfile BuildProfile(int slot, StoryProfile? current)
    {
        var repSlots = _store.Representatives(slot);
        var representatives = new List<StoryArticle>(repSlots.Length);
        var sequences = new List<long?>(repSlots.Length);
        foreach (var repSlot in repSlots)
        {
            var articleId = _store.ArticleIdOf(repSlot);
            var article = _sources.Peek(repSlot)?.Article
                ?? current?.Representatives.FirstOrDefault(r => r.Id == articleId)
                ?? new StoryArticle(articleId, _store.OutletOf(repSlot), null, _store.Representative(repSlot).Published, "", "");
            representatives.Add(article);
            sequences.Add(_sources.AddedAtOf(repSlot));
        }

        var centroid = _store.Centroid(slot);
        var idf = _store.CentroidIdf(slot);
        var story = _store.Story(slot);
        return new StoryProfile
        {
            StoryId = _store.IdOf(slot),
            LastSeen = story.LastSeen,
            ArticleCount = story.ArticleCount,
            Representatives = representatives,
            RepresentativeSequences = sequences,
            FirstSeen = story.FirstSeen,
            OriginOutlet = _store.OriginOutletOf(slot),
            OriginArticleId = _store.OriginArticleIdOf(slot),
            Terms = [.. Enumerable.Range(0, centroid.Count).Select(i => new ProfileTerm(centroid.Terms[i], centroid.Weights[i], centroid.Kinds[i], idf[i]))],
            Tracking = story.Tracking,
            Query = _store.QueryOf(slot)?.Text,
            EventYear = story.EventYear == int.MinValue ? null : story.EventYear,
            BornAt = PendingBirthOf(_store.IdOf(slot)),
            Sequence = _sequence,
            ConsolidatedThrough = _consolidatedThrough,
            MergedFrom = MergedFromOf(_store.IdOf(slot)),
            Follows = FollowsOf(_store.IdOf(slot)),
            EventDayFirst = story.EventDays.FirstDate,
            EventDayLast = story.EventDays.LastDate,
            EventWeekdays = story.EventDays.Weekdays,
        };
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
