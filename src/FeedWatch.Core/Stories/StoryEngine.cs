using System.Runtime.CompilerServices;
using FeedWatch.Core.Stories.Fingerprints;
using FeedWatch.Core.Stories.Index;
using FeedWatch.Core.Stories.Passages;
using FeedWatch.Core.Stories.Queries;
using FeedWatch.Core.Stories.Relations;
using FeedWatch.Core.Stories.Scoring;
using FeedWatch.Core.Stories.Text;

namespace FeedWatch.Core.Stories;

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
    private readonly DocumentFrequencies _frequencies = new();
    private readonly ArticleFingerprinter _fingerprinter;
    private readonly RelationClassifier _classifier;
    private readonly BandTable _lsh = new();
    private readonly PostingMultiMap _termIndex = new();
    private readonly List<ActiveStory?> _stories = [];
    private readonly List<IndexedRepresentative?> _representatives = [];
    private readonly Dictionary<string, ActiveStory> _byId = new(StringComparer.Ordinal);
    private readonly List<ActiveStory> _queryStories = [];
    private readonly SourceCache _sources;
    private ArticleFingerprint? _lastFingerprint;
    private ArticleFingerprint? _eventYearOf;
    private int? _eventYear;
    private WeightedTopic? _ledeNamesFor;
    private (uint[] Terms, float[] Weights, double Mass) _ledeNames = ([], [], 0);

    // Per-call scratch of candidate retrieval, reused so a match allocates little: stamps mark the stories seen or
    // accumulated in the current call without clearing arrays sized by the story count.
    private readonly List<int> _postingScratch = [];
    private readonly SlotAccumulator _accumulator = new();
    private (double Weight, int Slot)[] _heap = [];
    private int[] _seenStamp = [];
    private int _stamp;
    private uint _touchSink;
    private readonly Dictionary<string, string> _outletNames = new(StringComparer.Ordinal);

    public StoryEngine(StoryEngineOptions? options = null)
    {
        _options = options ?? new StoryEngineOptions();
        _fingerprinter = new ArticleFingerprinter(_options, _frequencies);
        _classifier = new RelationClassifier(_options.Relations);
        _sources = new SourceCache(_options.SourceCacheSize);
    }

    public StoryEngineOptions Options => _options;

    public int ActiveStoryCount => _byId.Count;

    /// <summary>Bytes held by the index structures (postings, sketches, centroids), excluding the bounded source cache.</summary>
    public long EstimateIndexBytes()
    {
        long bytes = _lsh.MemoryBytes + _termIndex.MemoryBytes + DocumentFrequencies.MemoryBytes;
        foreach (var story in _byId.Values)
        {
            // The story record and its id, the packed centroid, indexed terms and representative list with their array
            // headers, and its entries in the id map and slot-indexed arrays.
            bytes += 200 + 22 + (story.Id.Length * 2) + story.CentroidBytes + 24 + (story.IndexedTerms.Length * 4) + 56 + (story.Representatives.Count * 4) + 40;
        }

        foreach (var rep in _representatives)
        {
            if (rep is not null)
            {
                // The record, its article id and the MinHash with its header.
                bytes += 72 + 22 + (rep.ArticleId.Length * 2) + 24 + (rep.MinHash.Length * 2);
            }
        }

        return bytes;
    }

    public IReadOnlyList<StoryMatch> Match(StoryArticle article)
    {
        var fingerprint = Fingerprint(article);
        var matches = new List<StoryMatch>();
        var queryText = _queryStories.Count == 0 ? null : QueryTextOf(fingerprint);
        var topic = WeighTopic(fingerprint);
        var candidates = CollectCandidates(fingerprint, topic);
        Touch(candidates);
        foreach (var slot in candidates)
        {
            var story = _stories[slot]!;
            var score = Score(fingerprint, topic, story);
            if (score.Joined)
            {
                matches.Add(BuildMatch(fingerprint, story, score));
            }
        }

        if (queryText is not null)
        {
            foreach (var story in _queryStories)
            {
                if (story.Query!.Matches(queryText) && !matches.Any(m => m.StoryId == story.Id))
                {
                    // A query hit is the user's own definition of the story: full score, own wording unless reuse says otherwise.
                    matches.Add(new StoryMatch(story.Id, 1.0, ReuseRelation.Independent, story.OriginArticleId, []));
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
        return [.. _byId.Values
            .Select(story => (story.Id, Score: Score(fingerprint, topic, story), Retrieved: retrieved.Contains(story.Slot)))
            .OrderByDescending(x => x.Score.Score).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(top)];
    }

    public StoryProfile Add(string storyId, StoryArticle article, StoryProfile? current = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storyId);
        var fingerprint = Fingerprint(article);
        if (!_byId.TryGetValue(storyId, out var story))
        {
            if (current is not null)
            {
                Load(current);
                story = _byId[storyId];
            }
            else
            {
                story = CreateStory(storyId);
            }
        }

        Advance();
        if (story.ArticleCount == 0)
        {
            Born(story);
        }

        AddArticle(story, fingerprint);
        return BuildProfile(story, current);
    }

    public void Load(StoryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var known = _byId.ContainsKey(profile.StoryId);
        if (known)
        {
            RemoveStory(_byId[profile.StoryId]);
        }

        var story = CreateStory(profile.StoryId);
        story.ArticleCount = 0;
        story.Tracking = profile.Tracking;
        if (profile.Query is { Length: > 0 } query)
        {
            story.Query = StoryQuery.Parse(query);
            _queryStories.Add(story);
        }

        // Profile order is the in-memory order (origin first, then as they joined), so a reloaded story drops and
        // prefers the same representatives as the engine that wrote the profile.
        var centroid = TopicVector.Empty;
        foreach (var representative in profile.Representatives)
        {
            var fingerprint = _fingerprinter.Build(representative);
            AddRepresentative(story, fingerprint);
            centroid = Centroids.Merge(centroid, fingerprint.Topic, int.MaxValue);
        }

        story.Centroid = profile.Terms.Count > 0
            ? Centroids.FromTerms(profile.Terms)
            : Centroids.Prune(centroid, _options.StoryTerms, _frequencies);
        CountCentroid(TopicVector.Empty, story.Centroid);
        story.ArticleCount = Math.Max(profile.ArticleCount, profile.Representatives.Count);
        story.FirstSeen = profile.FirstSeen ?? profile.Representatives.Min(r => r.Published);
        story.LastSeen = profile.LastSeen ?? profile.Representatives.Max(r => r.Published);
        story.OriginOutlet = profile.OriginOutlet ?? profile.Representatives.FirstOrDefault()?.Outlet;
        story.OriginArticleId = profile.OriginArticleId ?? profile.Representatives.FirstOrDefault()?.Id;
        story.EventYear = profile.EventYear;
        Restored(story, profile);
        Reindex(story, profile.Terms.Count > 0 && profile.Terms.All(t => t.Idf > 0) ? Centroids.IdfOf(profile.Terms) : null);
    }

    public int Expire(DateTimeOffset now)
    {
        var cutoff = now - _options.ActiveWindow;
        var expired = _stories.Where(s => s is not null && s.Query is null && s.LastSeen is { } last && last < cutoff).ToList();
        foreach (var story in expired)
        {
            RemoveStory(story!);
        }

        return expired.Count;
    }

    /// <summary>Tracks a story defined by a query: matching articles join it, and from then on it also follows by similarity.</summary>
    public StoryProfile Track(string storyId, StoryQuery query)
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
        if (_byId.TryGetValue(storyId, out var story) && story.Tracking == StoryTracking.Discovered)
        {
            story.Tracking = StoryTracking.Promoted;
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

    /// <summary>The article's topic with IDF applied, reusing the frequencies read while fingerprinting if none changed since.</summary>
    private WeightedTopic WeighTopic(ArticleFingerprint fingerprint) =>
        new(fingerprint.Topic, _frequencies, fingerprint.FrequenciesVersion == _frequencies.Version ? fingerprint.TopicFrequencies : null);

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
    private List<int> CollectCandidates(ArticleFingerprint fingerprint, WeightedTopic topic)
    {
        var found = new List<int>();
        var postings = _postingScratch;
        if (_seenStamp.Length < _stories.Count)
        {
            Array.Resize(ref _seenStamp, Math.Max(_stories.Count, _seenStamp.Length * 2));
        }

        // A fresh stamp marks "seen in this call" without clearing the array (wrap-around clears it once).
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_seenStamp);
            _stamp = 1;
        }

        var seenStamp = _seenStamp;
        var stamp = _stamp;

        // Reuse candidates: any LSH band collision.
        Span<uint> keys = stackalloc uint[MinHashSketch.Bins];
        var keyCount = LshKeys(fingerprint.MinHash, keys);
        foreach (var key in keys[..keyCount])
        {
            postings.Clear();
            _lsh.Collect(key, postings);
            foreach (var repSlot in postings)
            {
                if (_representatives[repSlot] is { } rep && seenStamp[rep.StorySlot] != stamp)
                {
                    seenStamp[rep.StorySlot] = stamp;
                    found.Add(rep.StorySlot);
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

        order.Sort();
        // All postings first (one run per query term), so the accumulator is sized once for the stories they name.
        var queried = Math.Min(_options.QueryTerms, termCount);
        var runEnds = queried <= 256 ? stackalloc int[queried] : new int[queried];
        postings.Clear();
        for (var k = 0; k < queried; k++)
        {
            _termIndex.TryCollect(topic.Terms[(int)(uint)order[k]], _options.MaxPostingsPerTerm, postings);
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
        selected.Sort((a, b) => Weaker(a, b) ? 1 : Weaker(b, a) ? -1 : 0);
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
    /// Reads one word of every cache line the exact scoring of the candidates will read, in one pass of independent
    /// loads: the candidates' centroids and sketches are scattered over the heap, and scoring them one after the other
    /// waited for each cache miss in turn (most of its time at 100,000 stories); here the misses overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Touch(List<int> candidates)
    {
        var sink = 0u;
        foreach (var slot in candidates)
        {
            var story = _stories[slot]!;
            var packed = story.PackedCentroid;
            for (var i = 0; i < packed.Length; i += 8)
            {
                sink += (uint)packed[i];
            }

            var kinds = story.CentroidKinds;
            for (var i = 0; i < kinds.Length; i += 64)
            {
                sink += (uint)kinds[i];
            }

            foreach (var repSlot in story.Representatives)
            {
                if (_representatives[repSlot] is { } rep)
                {
                    sink += rep.MinHash[0] + (uint)rep.MinHash[^1];
                }
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

    private int LshKeys(ushort[] minHash, Span<uint> into)
    {
        var rows = Math.Clamp(_options.LshRowsPerBand, 1, MinHashSketch.Bins);
        var count = 0;
        for (var band = 0; band + rows <= minHash.Length; band += rows)
        {
            var h = (ulong)band + 1;
            var complete = true;
            for (var r = 0; r < rows && complete; r++)
            {
                complete = minHash[band + r] != MinHashSketch.Empty;
                h = StableHash.Combine(h, minHash[band + r]);
            }

            if (complete)
            {
                into[count++] = (uint)h;
            }
        }

        return count;
    }

    private CandidateScore Score(ArticleFingerprint fingerprint, WeightedTopic weightedTopic, ActiveStory story)
    {
        var reuse = 0.0;
        var best = -1;
        foreach (var repSlot in story.Representatives)
        {
            var rep = _representatives[repSlot]!;
            if (rep.ArticleId == fingerprint.Article.Id)
            {
                continue;
            }

            double overlap;
            if (_sources.TryGet(repSlot, out var source))
            {
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
                overlap = MinHashSketch.OverlapCoefficient(fingerprint.MinHash, fingerprint.Shingles.Length, rep.MinHash, rep.ShingleCount);
            }

            if (overlap > reuse)
            {
                reuse = overlap;
                best = repSlot;
            }
        }

        var topic = TopicSimilarity.Compare(weightedTopic, story.PackedCentroid, story.CentroidKinds, story.CentroidNorm, story.CentroidNameMass);
        var time = TimeProximity.Evidence(fingerprint.Article.Published, story.FirstSeen, story.LastSeen, _options.TopicTimeScale, _options.TimeAgreementBonus, _options.TimeEvidenceFloor, _options.TopicTimeScaleBefore);
        // Who and where, both ways: the share of the article's names the story has and of the story's names the article
        // has. Two events of one kind share most words but only some names, so the topic score leans on agreement.
        var agreement = Math.Sqrt(ArticleNameShare(fingerprint, weightedTopic, story, topic.NameAgreement) * topic.StoryNameAgreement);
        var topicScore = topic.Cosine * time * (1 - _options.NameAgreementWeight + (_options.NameAgreementWeight * agreement));
        if ((fingerprint.Article.Published is null || story.FirstSeen is null) && story.EventYear is { } storyYear && EventYearOf(fingerprint) is { } articleYear && storyYear != articleYear)
        {
            // No publication dates to compare: a different year in the text is the time evidence left.
            topicScore *= _options.YearMismatchFactor;
        }
        var namesAgree = !topic.HasNames || topic.NameAgreement >= _options.NameAgreementThreshold;
        var joined = reuse >= _options.ReuseJoinThreshold || (topicScore >= _options.TopicJoinThreshold && namesAgree);
        return new CandidateScore(reuse, best, topic, time, joined, Math.Round(Math.Max(reuse, topicScore), 6));
    }

    /// <summary>
    /// The share of the article's lede names (names in its first sentences, weighted as in its topic vector) that the
    /// story has: the lede names the event's own actors and places, while names further down are often background on
    /// an earlier event of the same kind — which is exactly the story the article must not join. Falls back to the
    /// whole article's share when the lede names nobody.
    /// </summary>
    private double ArticleNameShare(ArticleFingerprint fingerprint, WeightedTopic weightedTopic, ActiveStory story, double wholeArticleShare)
    {
        if (!_options.LedeNameAgreement)
        {
            return wholeArticleShare;
        }

        var (terms, weights, mass) = LedeNamesOf(fingerprint, weightedTopic);
        if (mass <= 0)
        {
            return wholeArticleShare;
        }

        var centroid = story.PackedCentroid;
        double present = 0;
        for (var k = 0; k < terms.Length; k++)
        {
            if (Contains(centroid, terms[k]))
            {
                present += weights[k];
            }
        }

        return present / mass;
    }

    /// <summary>Binary search of a term in a packed centroid (sorted by term id, the high 32 bits of each word).</summary>
    private static bool Contains(ReadOnlySpan<ulong> packed, uint term)
    {
        int lo = 0, hi = packed.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var t = (uint)(packed[mid] >> 32);
            if (t == term)
            {
                return true;
            }

            if (t < term)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }

    /// <summary>The distinct name terms of the article's lede that made its topic vector, with their weights (once per match).</summary>
    private (uint[] Terms, float[] Weights, double Mass) LedeNamesOf(ArticleFingerprint fingerprint, WeightedTopic weightedTopic)
    {
        if (ReferenceEquals(_ledeNamesFor, weightedTopic))
        {
            return _ledeNames;
        }

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
        var terms = new List<uint>(found.Count);
        var weights = new List<float>(found.Count);
        double mass = 0;
        for (var k = 0; k < found.Count; k++)
        {
            if (k > 0 && found[k] == found[k - 1])
            {
                continue;
            }

            terms.Add(weightedTopic.Terms[found[k]]);
            weights.Add(weightedTopic.Weights[found[k]]);
            mass += weightedTopic.Weights[found[k]];
        }

        _ledeNamesFor = weightedTopic;
        _ledeNames = ([.. terms], [.. weights], mass);
        return _ledeNames;
    }

    private StoryMatch BuildMatch(ArticleFingerprint fingerprint, ActiveStory story, CandidateScore score)
    {
        var relation = ReuseRelation.Independent;
        var sourceId = story.OriginArticleId;
        IReadOnlyList<MatchedPassage> passages = [];
        CachedSource? bestSource = null;
        var bestStrength = 0.0;

        // The most likely source: the representative with the strongest wording evidence (earliest wins ties).
        foreach (var repSlot in story.Representatives)
        {
            var rep = _representatives[repSlot]!;
            if (rep.ArticleId == fingerprint.Article.Id || !_sources.TryGet(repSlot, out var source))
            {
                continue;
            }

            var evidence = RelationClassifier.Measure(fingerprint.Shingles, fingerprint.Spots, source.Shingles, source.Spots);
            var strength = Math.Max(evidence.Overlap, evidence.Skeleton - _options.Relations.SpunGap);
            if (strength > bestStrength + 1e-9)
            {
                bestStrength = strength;
                bestSource = source;
                sourceId = rep.ArticleId;
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
            sourceId = _representatives[score.BestRepresentative]!.ArticleId;
        }

        if (relation == ReuseRelation.Independent)
        {
            // Own wording: attribute to the story's origin and explain with the sentences it shares with it.
            sourceId = story.OriginArticleId;
            sourceText = story.Representatives.Count > 0 && _sources.TryGet(story.Representatives[0], out var origin)
                ? TextAnalyzer.Analyze(origin.Article.Text, _options.MaxAnalyzedChars)
                : null;
        }

        if (sourceText is not null && _options.MaxPassages > 0)
        {
            passages = PassageAligner.Align(fingerprint.Body, sourceText, _options.MaxPassages, _options.PassageThreshold);
        }

        return new StoryMatch(story.Id, score.Score, relation, sourceId, passages);
    }

    private ActiveStory CreateStory(string storyId)
    {
        var story = new ActiveStory(_stories.Count, storyId);
        _stories.Add(story);
        _byId[storyId] = story;
        return story;
    }

    private void AddArticle(ActiveStory story, ArticleFingerprint fingerprint)
    {
        var article = fingerprint.Article;
        story.ArticleCount++;
        if (story.ArticleCount == 1 || (article.Published is { } p && (story.FirstSeen is null || p < story.FirstSeen)))
        {
            story.OriginOutlet = Intern(article.Outlet);
            story.OriginArticleId = article.Id;
        }

        story.EventYear ??= EventYearOf(fingerprint);
        story.FirstSeen = Min(story.FirstSeen, article.Published);
        story.LastSeen = Max(story.LastSeen, article.Published);
        // Centroid decodes the packed words into new arrays: read it once. The document frequencies count terms only,
        // which rounding leaves alone, so the pruned vector stands for what the story now holds.
        var previous = story.Centroid;
        var updated = Centroids.Prune(Centroids.Merge(previous, fingerprint.Topic, int.MaxValue), _options.StoryTerms, _frequencies);
        story.Centroid = updated;
        CountCentroid(previous, updated);
        if (IsNewWording(story, fingerprint))
        {
            AddRepresentative(story, fingerprint);
        }

        Reindex(story);
    }

    /// <summary>A near-duplicate of a representative adds nothing to match against, so it does not displace one.</summary>
    private bool IsNewWording(ActiveStory story, ArticleFingerprint fingerprint)
    {
        foreach (var repSlot in story.Representatives)
        {
            var rep = _representatives[repSlot]!;
            var overlap = _sources.Peek(repSlot) is { } source
                ? ShingleSet.IntersectionCount(fingerprint.Shingles, source.Shingles) / (double)Math.Max(1, Math.Min(fingerprint.Shingles.Length, source.Shingles.Length))
                : MinHashSketch.OverlapCoefficient(fingerprint.MinHash, fingerprint.Shingles.Length, rep.MinHash, rep.ShingleCount);
            if (overlap >= 0.9)
            {
                return false;
            }
        }

        return true;
    }

    private void AddRepresentative(ActiveStory story, ArticleFingerprint fingerprint)
    {
        var article = fingerprint.Article;
        if (story.Representatives.Count >= Math.Max(1, _options.RepresentativesPerStory))
        {
            // Keep the origin (index 0); drop the oldest of the others so the story follows its drift.
            var dropIndex = story.Representatives.Count > 1 ? 1 : 0;
            RemoveRepresentative(story.Representatives[dropIndex]);
            story.Representatives.RemoveAt(dropIndex);
        }

        var rep = new IndexedRepresentative(_representatives.Count, story.Slot, article.Id, Intern(article.Outlet), article.Published, fingerprint.MinHash, fingerprint.Shingles.Length);
        _representatives.Add(rep);
        story.Representatives.Add(rep.Slot);
        Span<uint> keys = stackalloc uint[MinHashSketch.Bins];
        foreach (var key in keys[..LshKeys(rep.MinHash, keys)])
        {
            _lsh.Add(key, rep.Slot);
        }

        var text = article.Text.Length > _options.MaxRepresentativeChars ? article.Text[.._options.MaxRepresentativeChars] : article.Text;
        _sources.Put(rep.Slot, new CachedSource(article with { Text = text }, fingerprint.Shingles, fingerprint.Spots));
    }

    private void RemoveRepresentative(int repSlot)
    {
        var rep = _representatives[repSlot];
        if (rep is null)
        {
            return;
        }

        Span<uint> keys = stackalloc uint[MinHashSketch.Bins];
        foreach (var key in keys[..LshKeys(rep.MinHash, keys)])
        {
            _lsh.Remove(key, repSlot);
        }

        _sources.Remove(repSlot);
        _representatives[repSlot] = null;
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

    private void Reindex(ActiveStory story, float[]? persistedIdf = null)
    {
        var centroid = story.Centroid;
        story.CentroidIdf = persistedIdf is not null && persistedIdf.Length == centroid.Count
            ? persistedIdf
            : TopicSimilarity.Weigh(centroid, _frequencies).Idf;
        // Norm and name mass from the IDF as stored (rounded), which is what a reloaded profile gives back.
        var idf = story.CentroidIdf;
        story.CentroidNorm = TopicSimilarity.Norm(centroid, idf);
        story.CentroidNameMass = TopicSimilarity.NameMass(centroid, idf);
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
        foreach (var term in story.IndexedTerms)
        {
            if (Array.BinarySearch(wanted, term) < 0)
            {
                _termIndex.Remove(term, story.Slot);
            }
        }

        foreach (var term in wanted)
        {
            if (Array.BinarySearch(story.IndexedTerms, term) < 0)
            {
                _termIndex.Add(term, story.Slot);
            }
        }

        story.IndexedTerms = wanted;
    }

    private void RemoveStory(ActiveStory story)
    {
        CountCentroid(story.Centroid, TopicVector.Empty);
        foreach (var term in story.IndexedTerms)
        {
            _termIndex.Remove(term, story.Slot);
        }

        foreach (var repSlot in story.Representatives)
        {
            RemoveRepresentative(repSlot);
        }

        _queryStories.Remove(story);
        _stories[story.Slot] = null;
        _byId.Remove(story.Id);
    }

    private StoryProfile BuildProfile(ActiveStory story, StoryProfile? current)
    {
        var representatives = new List<StoryArticle>(story.Representatives.Count);
        foreach (var repSlot in story.Representatives)
        {
            var rep = _representatives[repSlot]!;
            var article = _sources.Peek(repSlot)?.Article
                ?? current?.Representatives.FirstOrDefault(r => r.Id == rep.ArticleId)
                ?? new StoryArticle(rep.ArticleId, rep.Outlet, null, rep.Published, "", "");
            representatives.Add(article);
        }

        var centroid = story.Centroid;
        var idf = story.CentroidIdf;
        return new StoryProfile
        {
            StoryId = story.Id,
            LastSeen = story.LastSeen,
            ArticleCount = story.ArticleCount,
            Representatives = representatives,
            FirstSeen = story.FirstSeen,
            OriginOutlet = story.OriginOutlet,
            OriginArticleId = story.OriginArticleId,
            Terms = [.. Enumerable.Range(0, centroid.Count).Select(i => new ProfileTerm(centroid.Terms[i], centroid.Weights[i], centroid.Kinds[i], idf[i]))],
            Tracking = story.Tracking,
            Query = story.Query?.Text,
            EventYear = story.EventYear,
            BornAt = story.BornAt,
            Sequence = _sequence,
            MergedFrom = [.. story.MergedFrom],
        };
    }

    /// <summary>One string per outlet however many of its articles the index holds (a few thousand outlets, millions of articles).</summary>
    private string Intern(string outlet)
    {
        if (_outletNames.TryGetValue(outlet, out var known))
        {
            return known;
        }

        _outletNames[outlet] = outlet;
        return outlet;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
