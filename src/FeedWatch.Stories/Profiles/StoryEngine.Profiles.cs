using System.Runtime.CompilerServices;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Passages;
using FeedWatch.Stories.Queries;
using FeedWatch.Stories.Relations;
using FeedWatch.Stories.Scoring;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories;

/// <summary> A story's profile: adding articles, representatives, centroid terms in the index, removal and the persisted profile. </summary>
public sealed partial class StoryEngine
{
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
