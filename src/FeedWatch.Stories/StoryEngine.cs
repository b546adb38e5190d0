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
}
