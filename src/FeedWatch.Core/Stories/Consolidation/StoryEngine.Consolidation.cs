using FeedWatch.Core.Stories.Consolidation;
using FeedWatch.Core.Stories.Index;
using FeedWatch.Core.Stories.Scoring;

namespace FeedWatch.Core.Stories;

/// <summary>
/// Consolidation: decisions made at an article's arrival are revisited once more has arrived. A story that is still
/// small (<see cref="StoryEngineOptions.RecheckMaxArticles"/>) a fixed number of articles after its birth
/// (<see cref="StoryEngineOptions.RecheckAfterArticles"/>) has its representatives matched again against the index as
/// it is now; when every one of them joins the same other story, the small story was a fragment of that story (born
/// before enough of its coverage had arrived to recognise it) and is merged into it. The re-check is delayed on
/// purpose: re-checking at once merges the second event of a topic into the first (measured, docs/stories.md).
/// Restart-exact: the article sequence number and each story's birth number are persisted in the profiles, and an
/// engine rebuilt from them schedules exactly the re-checks the running engine had not yet made.
/// </summary>
public sealed partial class StoryEngine
{
    private readonly SortedSet<(long Due, string StoryId)> _rechecks = new(RecheckOrder.Instance);
    private long _sequence;

    // Sequence reached by profiles loaded before this engine added an article itself (a restart): re-checks due up to
    // it were made by the engine that wrote those profiles.
    private long _restoredSequence;
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
            if (due <= _restoredSequence || !_byId.TryGetValue(storyId, out var story))
            {
                continue;
            }

            if (RecheckTarget(story) is { } target)
            {
                merges.Add(new StoryMerged(storyId, target, Merge(storyId, target)));
            }
        }

        return merges;
    }

    public StoryProfile Merge(string fromId, string intoId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fromId);
        ArgumentException.ThrowIfNullOrWhiteSpace(intoId);
        if (fromId == intoId || !_byId.TryGetValue(fromId, out var from) || !_byId.TryGetValue(intoId, out var into))
        {
            throw new InvalidOperationException($"Cannot merge story {fromId} into {intoId}: both must be in the index and differ.");
        }

        var previous = into.Centroid;
        var fromCentroid = from.Centroid;
        var fromArticles = new List<StoryArticle>(from.Representatives.Count);
        foreach (var repSlot in from.Representatives)
        {
            if (_sources.Peek(repSlot) is { } cached)
            {
                fromArticles.Add(cached.Article);
            }
        }

        if (from.FirstSeen is { } first && (into.FirstSeen is null || first < into.FirstSeen))
        {
            into.OriginOutlet = from.OriginOutlet;
            into.OriginArticleId = from.OriginArticleId;
        }

        into.ArticleCount += from.ArticleCount;
        into.FirstSeen = Min(into.FirstSeen, from.FirstSeen);
        into.LastSeen = Max(into.LastSeen, from.LastSeen);
        into.EventYear ??= from.EventYear;
        if (into.Tracking == StoryTracking.Discovered && from.Tracking == StoryTracking.Promoted)
        {
            into.Tracking = StoryTracking.Promoted;
        }

        into.MergedFrom = [.. into.MergedFrom, fromId, .. from.MergedFrom];
        RemoveStory(from);

        // Both centroids are sums of unit article vectors, so their sum is the centroid of all the articles (pruned).
        var updated = Centroids.Prune(Centroids.Sum(previous, fromCentroid), _options.StoryTerms, _frequencies);
        into.Centroid = updated;
        CountCentroid(previous, updated);
        foreach (var article in fromArticles)
        {
            var fingerprint = _fingerprinter.Build(article);
            if (IsNewWording(into, fingerprint))
            {
                AddRepresentative(into, fingerprint);
            }
        }

        Reindex(into);
        return BuildProfile(into, null);
    }

    public void Remove(string storyId)
    {
        if (_byId.TryGetValue(storyId, out var story))
        {
            RemoveStory(story);
        }
    }

    private void Advance()
    {
        _sequence++;
        _addedSinceStart = true;
    }

    private void Born(ActiveStory story)
    {
        story.BornAt = _sequence;
        Schedule(story);
    }

    private void Restored(ActiveStory story, StoryProfile profile)
    {
        story.BornAt = profile.BornAt ?? 0;
        story.MergedFrom = profile.MergedFrom.Count == 0 ? [] : [.. profile.MergedFrom];
        if (profile.Sequence is { } sequence)
        {
            _sequence = Math.Max(_sequence, sequence);
            if (!_addedSinceStart)
            {
                _restoredSequence = Math.Max(_restoredSequence, sequence);
            }
        }

        if (profile.BornAt is not null)
        {
            Schedule(story);
        }
    }

    private void Schedule(ActiveStory story)
    {
        // A re-check already due was made (by this engine, or by the one that wrote the profiles it restarted from).
        var due = story.BornAt + _options.RecheckAfterArticles;
        if (_options.RecheckAfterArticles > 0 && due > _sequence && story.Query is null && story.ArticleCount <= _options.RecheckMaxArticles)
        {
            _rechecks.Add((due, story.Id));
        }
    }

    /// <summary>
    /// The one other story every representative of this small, discovered or promoted story now joins best, or null. A
    /// representative whose text has left the bounded source cache cannot be re-matched: no merge then.
    /// </summary>
    private string? RecheckTarget(ActiveStory story)
    {
        // A story a user seeded or defined by a query is theirs to keep; discovered (and promoted) ones may fold away.
        if (story.Tracking is not (StoryTracking.Discovered or StoryTracking.Promoted) || story.ArticleCount > _options.RecheckMaxArticles || story.Representatives.Count == 0)
        {
            return null;
        }

        var articles = new List<StoryArticle>(story.Representatives.Count);
        foreach (var repSlot in story.Representatives)
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
                if (match.StoryId != story.Id)
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
