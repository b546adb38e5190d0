using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Stories;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Pipeline.Classification;

/// <summary>
/// The process-wide story index: an <see cref="IStoryEngine"/> kept in step with stories/*.json. Built on first
/// use, refreshed periodically (stories other workers created or changed) and per story when a compare-and-swap
/// conflict shows it is stale. Serialises engine calls, since engines are not required to be thread-safe.
/// </summary>
public sealed class StoryIndex(
    IStoryEngine engine,
    IBlobStore blobs,
    PipelineOptions options,
    TimeProvider time,
    ILogger<StoryIndex> logger)
{
    private readonly Lock _engineLock = new();
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Dictionary<string, StoryIndexEntry> _known = new(StringComparer.Ordinal);

    // Stories some loaded document says were merged away: never matched again, whichever document loads first.
    private readonly HashSet<string> _mergedAway = new(StringComparer.Ordinal);
    private readonly List<StoryMerged> _unwritten = [];
    private DateTimeOffset? _lastRefresh;

    // The stream's present: the latest article date seen (never past the clock). Quiet stories expire relative to it,
    // so a story is quiet when the news has moved on, not when the classifier merely ran long: a replayed or
    // backfilled older stream expires the same stories however long the run takes, on one host or many.
    private DateTimeOffset? _latestSeen;

    // The stream's present as it stood at each refresh (wall clock, latest article date). Expiry uses the present of
    // one grace period ago, so an article that arrives out of order (a backfill, a slow outlet, another host's fetch
    // queue) still finds its story for that long after the stream has moved a whole window past it.
    private readonly Queue<(DateTimeOffset Wall, DateTimeOffset Stream)> _presents = new();
    private DateTimeOffset? _expiryPresent;

    public int Count
    {
        get
        {
            lock (_engineLock)
            {
                return _known.Count;
            }
        }
    }

    /// <summary>Loads stories created or changed since the last refresh (all of them the first time).</summary>
    public async Task EnsureFreshAsync(CancellationToken cancellationToken, bool force = false)
    {
        if (!force && _lastRefresh is { } last && time.GetUtcNow() - last < options.StoryIndexRefreshInterval)
        {
            return;
        }

        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!force && _lastRefresh is { } again && time.GetUtcNow() - again < options.StoryIndexRefreshInterval)
            {
                return;
            }

            var loaded = 0;
            await foreach (var info in blobs.ListAsync(BlobLayout.StoriesPrefix, cancellationToken).ConfigureAwait(false))
            {
                if (!info.Name.EndsWith(".json", StringComparison.Ordinal) || IsCurrent(StoryIdOf(info.Name), info.ETag))
                {
                    continue;
                }

                var story = await blobs.GetJsonAsync<StoryDocument>(info.Name, cancellationToken).ConfigureAwait(false);
                if (story is not null)
                {
                    Load(story.Value, story.ETag);
                    loaded++;
                }
            }

            var expired = 0;
            lock (_engineLock)
            {
                if (loaded > 0)
                {
                    // Re-checks an earlier engine made in memory but may not have written (a crash in between) are made
                    // again now, before anything is matched, as that engine made them; their merges are written by the
                    // next classification.
                    foreach (var merge in engine.Consolidate())
                    {
                        KeepUnwritten(merge);
                    }
                }

                expired = ExpiryPresent() is { } present ? engine.Expire(present) : 0;
                if (expired > 0)
                {
                    // Quiet stories leave the index, but a story a user tracks stays matchable however old it is.
                    foreach (var entry in _known.Values.Where(e => e.TrackedProfile is not null))
                    {
                        engine.Load(entry.TrackedProfile!);
                    }
                }
            }

            _lastRefresh = time.GetUtcNow();
            if (loaded > 0 || expired > 0)
            {
                logger.LogInformation("Story index refreshed: {Loaded} stories loaded, {Expired} expired, {Known} known", loaded, expired, Count);
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public IReadOnlyList<StoryMatch> Match(StoryArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        lock (_engineLock)
        {
            Saw(article.Published);
            return engine.Match(article);
        }
    }

    public StoryProfile Add(string storyId, StoryArticle article, StoryProfile? current)
    {
        ArgumentNullException.ThrowIfNull(article);
        lock (_engineLock)
        {
            Saw(article.Published);
            return Stamped(engine.Add(storyId, article, current));
        }
    }

    private void Saw(DateTimeOffset? seen)
    {
        if (seen is { } at && (_latestSeen is null || at > _latestSeen))
        {
            _latestSeen = at;
        }
    }

    private DateTimeOffset StreamNow()
    {
        var now = time.GetUtcNow();
        return _latestSeen is { } latest && latest < now ? latest : now;
    }

    // The stream's present one expiry grace period ago (wall clock), or null while the classifier has not run that long.
    private DateTimeOffset? ExpiryPresent()
    {
        var wall = time.GetUtcNow();
        _presents.Enqueue((wall, StreamNow()));
        while (_presents.Count > 0 && wall - _presents.Peek().Wall >= options.StoryExpiryGrace)
        {
            _expiryPresent = _presents.Dequeue().Stream;
        }

        return _expiryPresent;
    }

    /// <summary>
    /// Puts a story document's profile into the engine and remembers the version loaded. A story merged into another
    /// (by this worker or any other) leaves the engine instead.
    /// </summary>
    public void Load(StoryDocument story, string etag)
    {
        ArgumentNullException.ThrowIfNull(story);
        lock (_engineLock)
        {
            foreach (var mergedId in story.Profile.MergedFrom)
            {
                if (_mergedAway.Add(mergedId))
                {
                    engine.Remove(mergedId);
                    _known.Remove(mergedId);
                }
            }

            if (story.MergedInto is not null || _mergedAway.Contains(story.Id))
            {
                _mergedAway.Add(story.Id);
                engine.Remove(story.Id);
                _known[story.Id] = new StoryIndexEntry(etag, false, story.Title, null);
                return;
            }

            engine.Load(story.Profile);
            Saw(story.LastSeen);
            _known[story.Id] = new StoryIndexEntry(etag, story.Tracked, story.Title, story.Tracked ? story.Profile : null);
        }
    }

    /// <summary>
    /// The engine's revisions of earlier decisions (merges), already made in memory, plus any earlier ones not yet
    /// written: the caller writes each to the documents and then calls <see cref="MergeWritten"/>.
    /// </summary>
    public IReadOnlyList<StoryMerged> Consolidate()
    {
        lock (_engineLock)
        {
            foreach (var merge in engine.Consolidate())
            {
                KeepUnwritten(merge);
            }

            return [.. _unwritten];
        }
    }

    private void KeepUnwritten(StoryMerged merge)
    {
        _mergedAway.Add(merge.From);
        _unwritten.Add(merge with { Profile = Stamped(merge.Profile) });
    }

    /// <summary>
    /// A profile about to be written claims re-checks made only as far as every merge is written: while one is not,
    /// the consolidation point stays where it was before that merge was made, so an engine restarted from the documents
    /// makes the merge again instead of taking it as written.
    /// </summary>
    private StoryProfile Stamped(StoryProfile profile)
    {
        if (profile.ConsolidatedThrough is not { } claimed)
        {
            return profile;
        }

        var floor = claimed;
        foreach (var merge in _unwritten)
        {
            if (merge.Profile.ConsolidatedThrough is { } before && before < floor)
            {
                floor = before;
            }
        }

        return floor == claimed ? profile : profile with { ConsolidatedThrough = floor };
    }

    public void MergeWritten(StoryMerged merge)
    {
        lock (_engineLock)
        {
            _unwritten.Remove(merge);
        }
    }

    /// <summary>
    /// Merges <paramref name="from"/> into <paramref name="into"/> again from the stored documents (the target changed
    /// since the engine merged them) and returns the target's merged profile.
    /// </summary>
    public StoryProfile Remerge(StoryDocument from, StoryDocument into)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(into);
        lock (_engineLock)
        {
            engine.Load(into.Profile);
            engine.Load(from.Profile);
            var profile = Stamped(engine.Merge(from.Id, into.Id));
            _mergedAway.Add(from.Id);
            return profile;
        }
    }

    public bool IsTracked(string storyId)
    {
        lock (_engineLock)
        {
            return _known.TryGetValue(storyId, out var entry) && entry.Tracked;
        }
    }

    /// <summary>Whether the engine holds this version of the story (the one with this ETag) — or a later one of its own making.</summary>
    public bool HoldsVersion(string storyId, string etag) => IsCurrent(storyId, etag);

    private bool IsCurrent(string storyId, string etag)
    {
        lock (_engineLock)
        {
            return _known.TryGetValue(storyId, out var entry) && entry.ETag == etag;
        }
    }

    private static string StoryIdOf(string blobName) => blobName[BlobLayout.StoriesPrefix.Length..^".json".Length];
}
