using FeedWatch.Stories.Consolidation;
using FeedWatch.Stories.Scoring;

namespace FeedWatch.Stories;

/// <summary>
/// Consolidation: decisions made at an article's arrival are revisited once more has arrived. A story that is still
/// small (<see cref="StoryEngineOptions.RecheckMaxArticles"/>) a fixed number of articles after its birth
/// (<see cref="StoryEngineOptions.RecheckAfterArticles"/>) has its representatives matched again against the index as
/// it is now; when every one of them joins the same other story, the small story was a fragment of that story (born
/// before enough of its coverage had arrived to recognise it) and is merged into it. The re-check is delayed on
/// purpose: re-checking at once merges the second event of a topic into the first (measured, docs/stories.md).
/// Restart-exact: the article sequence number, and the birth number of each story whose re-check is still pending, are
/// persisted in the profiles; an engine rebuilt from them schedules exactly the re-checks the running engine had not
/// yet made. The state lives in small side tables keyed by story id (pending births, merged-from ids), not in the
/// per-story records.
/// </summary>
public sealed partial class StoryEngine
{
    private readonly SortedSet<(long Due, string StoryId)> _rechecks = new(RecheckOrder.Instance);
    private readonly Dictionary<string, long> _pendingBirths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _mergedFrom = new(StringComparer.Ordinal);
    private long _sequence;

    // Sequence through which re-checks have been made. A profile records it when written; a restarted engine takes
    // the highest it loads (before adding an article itself): re-checks due up to it were made, and written, by the
    // engine that wrote those profiles. Re-checks due after it — made in memory by an engine that crashed before their
    // merges reached the documents — are made again, so a crash between the two loses no merge. A re-check scheduled
    // while profiles were still loading can turn out to be due at or before it: Consolidate skips those.
    private long _consolidatedThrough;
    private bool _addedSinceStart;

    /// <summary>Articles added so far (restored from the profiles after a restart).</summary>
    public long Sequence => _sequence;

    public IReadOnlyList<StoryMerged> Consolidate()
    {
        var merges = new List<StoryMerged>();
        while (_rechecks.Count > 0 && _rechecks.Min.Due <= _sequence)
        {
            var (due, storyId) = _rechecks.Min;
            _rechecks.Remove(_rechecks.Min);
            _pendingBirths.Remove(storyId);
            if (due <= _consolidatedThrough || !_store.TryFind(storyId, out var slot))
            {
                continue;
            }

            if (RecheckTarget(slot, storyId) is { } target)
            {
                merges.Add(new StoryMerged(storyId, target, Merge(storyId, target)));
            }
        }

        _consolidatedThrough = _sequence;
        return merges;
    }

    public StoryProfile Merge(string fromId, string intoId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fromId);
        ArgumentException.ThrowIfNullOrWhiteSpace(intoId);
        if (fromId == intoId || !_store.TryFind(fromId, out var from) || !_store.TryFind(intoId, out var into))
        {
            throw new InvalidOperationException($"Cannot merge story {fromId} into {intoId}: both must be in the index and differ.");
        }

        var fromRecord = _store.Story(from);
        var fromCentroid = _store.Centroid(from);
        var fromOrigin = (Id: _store.OriginArticleIdOf(from), Outlet: _store.OriginOutletOf(from));
        // Only representatives whose text is still cached can move; each keeps the sequence number it joined at, so it
        // leaves the source window when it would have anyway.
        var fromArticles = new List<(StoryArticle Article, long? AddedAt)>();
        foreach (var repSlot in _store.Representatives(from))
        {
            if (_sources.Peek(repSlot) is { } cached)
            {
                fromArticles.Add((cached.Article, _sources.AddedAtOf(repSlot)));
            }
        }

        string[] mergedFrom = [.. MergedFromOf(intoId), fromId, .. MergedFromOf(fromId)];
        var fromFollows = FollowsOf(fromId);
        RemoveStory(from);

        var previous = _store.Centroid(into);
        var previousIndexed = IndexedTerms(previous, _store.CentroidIdf(into));
        ref var story = ref _store.Story(into);
        var earlier = fromRecord.FirstSeen is { } first && (story.FirstSeen is null || first < story.FirstSeen);
        story.ArticleCount += fromRecord.ArticleCount;
        story.FirstSeen = Min(story.FirstSeen, fromRecord.FirstSeen);
        story.LastSeen = Max(story.LastSeen, fromRecord.LastSeen);
        if (story.EventYear == int.MinValue)
        {
            story.EventYear = fromRecord.EventYear;
        }

        story.EventDays = story.EventDays.Union(fromRecord.EventDays);

        if (story.Tracking == StoryTracking.Discovered && fromRecord.Tracking == StoryTracking.Promoted)
        {
            story.Tracking = StoryTracking.Promoted;
        }

        // Both centroids are sums of unit article vectors, so their sum is the centroid of all the articles (pruned).
        var updated = Centroids.Prune(Centroids.Sum(previous, fromCentroid), _options.StoryTerms, _frequencies);
        _store.SetCentroid(into, updated);
        CountCentroid(previous, updated);
        foreach (var (article, addedAt) in fromArticles)
        {
            var fingerprint = _fingerprinter.Build(article);
            if (IsNewWording(into, fingerprint))
            {
                AddRepresentative(into, fingerprint, addedAt);
            }
        }

        if (earlier)
        {
            _store.SetOrigin(into, fromOrigin.Id, fromOrigin.Outlet);
        }

        Reindex(into, previousIndexed);
        _mergedFrom[intoId] = mergedFrom;
        if (FollowsOf(intoId) is null && fromFollows is not null && !mergedFrom.Contains(fromFollows))
        {
            RecordFollows(intoId, fromFollows);
        }

        return BuildProfile(into, null);
    }

    public void Remove(string storyId)
    {
        if (_store.TryFind(storyId, out var slot))
        {
            RemoveStory(slot);
        }
    }

    private void Advance()
    {
        _sequence++;
        _addedSinceStart = true;
        _sources.Advance(_sequence);

        // A caller that never consolidates (a benchmark that only adds) must not grow the schedule without bound: a
        // re-check overdue by a whole period is dropped unmade. Callers that consolidate after each article never see one.
        var overdue = _sequence - Math.Max(1, _options.RecheckAfterArticles);
        while (_rechecks.Count > 0 && _rechecks.Min.Due < overdue)
        {
            _pendingBirths.Remove(_rechecks.Min.StoryId);
            _rechecks.Remove(_rechecks.Min);
        }
    }

    private void Born(int slot)
    {
        var id = _store.IdOf(slot);
        if (Schedule(slot, id, _sequence))
        {
            _pendingBirths[id] = _sequence;
        }
    }

    private void Restored(int slot, StoryProfile profile)
    {
        if (profile.MergedFrom.Count > 0)
        {
            _mergedFrom[profile.StoryId] = [.. profile.MergedFrom];
        }

        if (profile.Sequence is { } sequence)
        {
            _sequence = Math.Max(_sequence, sequence);
            _sources.Advance(_sequence);
            if (!_addedSinceStart)
            {
                // Profiles written before consolidation points were recorded: their sequence is the best bound known.
                _consolidatedThrough = Math.Max(_consolidatedThrough, Math.Min(sequence, profile.ConsolidatedThrough ?? sequence));
            }
        }

        if (profile.BornAt is { } bornAt && Schedule(slot, profile.StoryId, bornAt))
        {
            _pendingBirths[profile.StoryId] = bornAt;
        }
    }

    /// <summary>Forgets the side-table state of a story leaving the index (a reload restores it from the profile).</summary>
    private void Forget(string storyId)
    {
        _pendingBirths.Remove(storyId);
        _mergedFrom.Remove(storyId);
        _follows.Remove(storyId);
    }

    private bool Schedule(int slot, string storyId, long bornAt)
    {
        // A re-check due at or before the consolidation point was made (by this engine, or by the one that wrote the
        // profiles it restarted from); one due after it is still to make, even if its due point has passed.
        var due = bornAt + _options.RecheckAfterArticles;
        if (_options.RecheckAfterArticles <= 0 || due <= _consolidatedThrough || _store.QueryOf(slot) is not null || _store.Story(slot).ArticleCount > _options.RecheckMaxArticles)
        {
            return false;
        }

        _rechecks.Add((due, storyId));
        return true;
    }

    private long? PendingBirthOf(string storyId) => _pendingBirths.TryGetValue(storyId, out var bornAt) ? bornAt : null;

    private string[] MergedFromOf(string storyId) => _mergedFrom.TryGetValue(storyId, out var ids) ? ids : [];

    /// <summary>
    /// The one other story every representative of this small, discovered or promoted story now joins best, or null. A
    /// representative whose text has left the bounded source cache cannot be re-matched: no merge then.
    /// </summary>
    private string? RecheckTarget(int slot, string storyId)
    {
        // A story a user seeded or defined by a query is theirs to keep; discovered (and promoted) ones may fold away.
        var story = _store.Story(slot);
        if (story.Tracking is not (StoryTracking.Discovered or StoryTracking.Promoted) || story.ArticleCount > _options.RecheckMaxArticles)
        {
            return null;
        }

        var articles = new List<StoryArticle>();
        foreach (var repSlot in _store.Representatives(slot))
        {
            if (_sources.Peek(repSlot) is not { } cached)
            {
                return null;
            }

            articles.Add(cached.Article);
        }

        string? target = null;
        foreach (var article in articles)
        {
            string? best = null;
            foreach (var match in Match(article))
            {
                if (match.StoryId != storyId)
                {
                    best = match.StoryId;
                    break;
                }
            }

            if (best is null || (target is not null && best != target))
            {
                return null;
            }

            target = best;
        }

        return target;
    }
}
