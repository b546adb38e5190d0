using FeedWatch.Core.Alerts;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Stories;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Pipeline.Classification;

/// <summary>
/// Every change to a story document goes through here: create-only for a new story, If-Match compare-and-swap
/// for a join. A new (story, outlet) pair of a tracked story puts its alert into the story's outbox IN THE SAME
/// WRITE, so the alert exists exactly when the outlet does. On a conflict the story is re-read, the index
/// refreshed from it, and the change applied again.
/// </summary>
public sealed class StoryUpdater(
    IBlobStore blobs,
    StoryIndex index,
    PipelineOptions options,
    TimeProvider time,
    ILogger<StoryUpdater> logger)
{
    private const int MaxPassagesPerAlert = 5;

    /// <summary>Starts a story with this article as its first; joins it instead when the story exists (a redelivery).</summary>
    public async Task<StoryUpdateResult> StartAsync(
        string storyId, ArticleDocument article, bool tracked, string? title, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var now = time.GetUtcNow();
        var storyArticle = ToStoryArticle(article);
        var seenAt = article.Published ?? article.FetchedAt;
        var isTextSeed = article.RawPageBlob is null && article.FeedId is null && article.Url.StartsWith("urn:", StringComparison.Ordinal);
        var story = new StoryDocument
        {
            Id = storyId,
            Title = string.IsNullOrWhiteSpace(title) ? article.Title : title.Trim(),
            Tracked = tracked,
            TrackedSince = tracked ? now : null,
            CreatedAt = now,
            UpdatedAt = now,
            OriginOutlet = isTextSeed ? null : article.Outlet,
            OriginArticleId = article.Id,
            FirstSeen = seenAt,
            LastSeen = seenAt,
            ArticleCount = 1,
            Outlets = isTextSeed ? [] : [NewOutlet(article, null, now)],
            RecentArticleIds = [article.Id],
            Profile = tracked
                ? index.Add(storyId, storyArticle, null) with { Tracking = StoryTracking.Seed }
                : index.Add(storyId, storyArticle, null),
        };

        var created = await blobs.PutJsonAsync(BlobLayout.Story(storyId), story, createOnly: true, ifMatch: null, cancellationToken).ConfigureAwait(false);
        if (created.Written)
        {
            index.Load(story, created.ETag ?? "");
            logger.LogInformation(
                "Started {StoryKind} story {StoryId} \"{StoryTitle}\" from {ArticleId} ({Outlet})",
                tracked ? "tracked" : "discovered", storyId, story.Title, article.Id, article.Outlet);
            return new StoryUpdateResult(storyId, true, true, []);
        }

        return await JoinAsync(storyId, article, null, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Story {storyId} refused a create-only write but cannot be read.");
    }

    /// <summary>Adds the article to an existing story. Returns null when the story document no longer exists.</summary>
    public async Task<StoryUpdateResult?> JoinAsync(string storyId, ArticleDocument article, StoryMatch? match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var name = BlobLayout.Story(storyId);
        var storyArticle = ToStoryArticle(article);
        for (var attempt = 1; attempt <= options.MaxStoryUpdateAttempts; attempt++)
        {
            var current = await blobs.GetJsonAsync<StoryDocument>(name, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                logger.LogWarning("Story {StoryId} matched but {BlobName} no longer exists (deleted?); not joined", storyId, name);
                return null;
            }

            if (current.Value.MergedInto is { } target)
            {
                // Merged by another worker since this one matched it: the article belongs with the story it became.
                index.Load(current.Value, current.ETag);
                return await JoinAsync(target, article, match, cancellationToken).ConfigureAwait(false);
            }

            if (current.Value.RecentArticleIds.Contains(article.Id, StringComparer.Ordinal))
            {
                index.Load(current.Value, current.ETag);
                return new StoryUpdateResult(storyId, false, false, Pending(current.Value, article.Id));
            }

            var updated = Apply(current.Value, article, storyArticle, match);
            var result = await blobs.PutJsonAsync(name, updated, createOnly: false, ifMatch: current.ETag, cancellationToken).ConfigureAwait(false);
            if (result.Written)
            {
                index.Load(updated, result.ETag ?? "");
                var isNewOutlet = updated.Outlets.Count > current.Value.Outlets.Count;
                logger.LogInformation(
                    "Article {ArticleId} ({Outlet}) joined story {StoryId} with score {Score} as {Relation}{NewOutlet}",
                    article.Id, article.Outlet, storyId, match?.Score, match?.Relation, isNewOutlet ? " — new outlet" : "");
                return new StoryUpdateResult(storyId, true, false, Pending(updated, article.Id));
            }

            // Someone else changed the story since we read it: our index copy is stale too.
            logger.LogDebug("Story {StoryId} changed concurrently (attempt {Attempt}); re-reading", storyId, attempt);
            var fresh = await blobs.GetJsonAsync<StoryDocument>(name, cancellationToken).ConfigureAwait(false);
            if (fresh is not null)
            {
                index.Load(fresh.Value, fresh.ETag);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"Story {storyId} kept changing for {options.MaxStoryUpdateAttempts} attempts; classification will be retried.");
    }

    /// <summary>
    /// Writes a consolidation merge to the documents: the target absorbs the merged story's outlets, articles and
    /// counts (compare-and-swap; a tracked target records a spread alert for each outlet it gains, with the usual
    /// story-and-outlet alert id, so a retried merge never alerts twice), then the merged story records
    /// <see cref="StoryDocument.MergedInto"/>. Idempotent: a target whose profile already lists the merged story is
    /// not absorbed twice. Returns the target's alerts awaiting delivery, or null when either document is gone.
    /// </summary>
    public async Task<StoryUpdateResult?> MergeAsync(StoryMerged merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var fromName = BlobLayout.Story(merge.From);
        var intoName = BlobLayout.Story(merge.Into);
        var from = await blobs.GetJsonAsync<StoryDocument>(fromName, cancellationToken).ConfigureAwait(false);
        if (from is null)
        {
            logger.LogWarning("Story {StoryId} was merged into {TargetStoryId} but {BlobName} no longer exists; not merged", merge.From, merge.Into, fromName);
            return null;
        }

        if (from.Value.MergedInto is { } already && already != merge.Into)
        {
            // Another worker's engine merged it elsewhere first: that merge stands, this one would count it twice.
            logger.LogInformation("Story {StoryId} was already merged into {OtherStoryId}; not merging it into {TargetStoryId}", merge.From, already, merge.Into);
            return null;
        }

        IReadOnlyList<string> pending = [];
        var profile = merge.Profile;
        for (var attempt = 1; ; attempt++)
        {
            var into = await blobs.GetJsonAsync<StoryDocument>(intoName, cancellationToken).ConfigureAwait(false);
            if (into is null)
            {
                logger.LogWarning("Story {StoryId} was to merge into {TargetStoryId}, which no longer exists; not merged", merge.From, merge.Into);
                return null;
            }

            if (into.Value.Profile.MergedFrom.Contains(merge.From, StringComparer.Ordinal))
            {
                pending = PendingMerged(into.Value, from.Value);
                break;
            }

            if (attempt > 1 || !index.HoldsVersion(merge.Into, into.ETag))
            {
                // The target changed since the engine merged (a conflict, or another worker wrote it since this index
                // loaded it): merge its current profile again, so no one's change to the profile is lost.
                profile = index.Remerge(from.Value, into.Value);
            }

            var absorbed = Absorb(into.Value, from.Value, profile);
            var written = await blobs.PutJsonAsync(intoName, absorbed, createOnly: false, ifMatch: into.ETag, cancellationToken).ConfigureAwait(false);
            if (written.Written)
            {
                index.Load(absorbed, written.ETag ?? "");
                pending = PendingMerged(absorbed, from.Value);
                logger.LogInformation(
                    "Story {StoryId} ({ArticleCount} articles) merged into {TargetStoryId}: {Outlets} outlets now",
                    merge.From, from.Value.ArticleCount, merge.Into, absorbed.Outlets.Count);
                break;
            }

            if (attempt >= options.MaxStoryUpdateAttempts)
            {
                throw new InvalidOperationException($"Story {merge.Into} kept changing for {attempt} attempts while absorbing {merge.From}; classification will be retried.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken).ConfigureAwait(false);
        }

        await MarkMergedAsync(fromName, from, merge.Into, cancellationToken).ConfigureAwait(false);
        return new StoryUpdateResult(merge.Into, true, false, pending);
    }

    public static StoryArticle ToStoryArticle(ArticleDocument article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new StoryArticle(article.Id, article.Outlet, article.Url, article.Published ?? article.FetchedAt, article.Title, article.Text, article.Language);
    }

    private StoryDocument Apply(StoryDocument story, ArticleDocument article, StoryArticle storyArticle, StoryMatch? match)
    {
        var now = time.GetUtcNow();
        var seenAt = article.Published ?? article.FetchedAt;
        var profile = index.Add(story.Id, storyArticle, story.Profile);
        var outlets = story.Outlets.ToList();
        var outbox = story.Outbox.ToList();
        var existing = outlets.FindIndex(o => o.Outlet == article.Outlet);
        if (existing >= 0)
        {
            var outlet = outlets[existing];
            outlets[existing] = outlet with { ArticleCount = outlet.ArticleCount + 1, LastSeen = Max(outlet.LastSeen, seenAt) };
        }
        else
        {
            outlets.Add(NewOutlet(article, match, now));
            if (story.Tracked)
            {
                var alert = BuildAlert(story, article, match, outlets, now);
                if (!outbox.Exists(e => e.Alert.Id == alert.Id))
                {
                    outbox.Add(new OutboxEntry { Alert = alert, RecordedAt = now });
                }
            }
        }

        var recent = story.RecentArticleIds.Append(article.Id).ToList();
        if (recent.Count > options.MaxRecentArticlesPerStory)
        {
            recent = recent.Skip(recent.Count - options.MaxRecentArticlesPerStory).ToList();
        }

        return story with
        {
            UpdatedAt = now,
            ArticleCount = story.ArticleCount + 1,
            FirstSeen = story.FirstSeen is { } first && first < seenAt ? first : seenAt,
            LastSeen = story.LastSeen is { } last && last > seenAt ? last : seenAt,
            Outlets = outlets,
            Outbox = outbox,
            RecentArticleIds = recent,
            Profile = profile,
        };
    }

    private StoryDocument Absorb(StoryDocument into, StoryDocument from, StoryProfile profile)
    {
        var now = time.GetUtcNow();
        var outlets = into.Outlets.ToList();
        var outbox = into.Outbox.ToList();
        foreach (var outlet in from.Outlets.OrderBy(o => o.FirstSeen).ThenBy(o => o.Outlet, StringComparer.Ordinal))
        {
            var existing = outlets.FindIndex(o => o.Outlet == outlet.Outlet);
            if (existing >= 0)
            {
                var known = outlets[existing];
                outlets[existing] = (outlet.FirstSeen < known.FirstSeen ? outlet : known) with
                {
                    ArticleCount = known.ArticleCount + outlet.ArticleCount,
                    LastSeen = Max(known.LastSeen, outlet.LastSeen),
                };
                continue;
            }

            outlets.Add(outlet);
            if (into.Tracked)
            {
                var alert = BuildMergedAlert(into, outlet, outlets, now);
                if (!outbox.Exists(e => e.Alert.Id == alert.Id))
                {
                    outbox.Add(new OutboxEntry { Alert = alert, RecordedAt = now });
                }
            }
        }

        var recent = into.RecentArticleIds.Concat(from.RecentArticleIds).Distinct(StringComparer.Ordinal).ToList();
        if (recent.Count > options.MaxRecentArticlesPerStory)
        {
            recent = recent.Skip(recent.Count - options.MaxRecentArticlesPerStory).ToList();
        }

        var fromEarlier = from.FirstSeen is { } f && (into.FirstSeen is null || f < into.FirstSeen);
        return into with
        {
            UpdatedAt = now,
            ArticleCount = into.ArticleCount + from.ArticleCount,
            FirstSeen = fromEarlier ? from.FirstSeen : into.FirstSeen,
            LastSeen = into.LastSeen is { } last && (from.LastSeen is null || last >= from.LastSeen) ? last : from.LastSeen,
            OriginOutlet = fromEarlier && from.OriginOutlet is not null ? from.OriginOutlet : into.OriginOutlet,
            OriginArticleId = fromEarlier ? from.OriginArticleId : into.OriginArticleId,
            Outlets = outlets,
            Outbox = outbox,
            RecentArticleIds = recent,
            Profile = into.Tracked && into.Profile.Tracking == StoryTracking.Seed ? profile with { Tracking = StoryTracking.Seed } : profile,
        };
    }

    private async Task MarkMergedAsync(string name, StoredDocument<StoryDocument> from, string intoId, CancellationToken cancellationToken)
    {
        var current = from;
        for (var attempt = 1; attempt <= options.MaxStoryUpdateAttempts; attempt++)
        {
            if (current.Value.MergedInto is not null)
            {
                return;
            }

            var now = time.GetUtcNow();
            var marked = current.Value with { MergedInto = intoId, MergedAt = now, UpdatedAt = now };
            var result = await blobs.PutJsonAsync(name, marked, createOnly: false, ifMatch: current.ETag, cancellationToken).ConfigureAwait(false);
            if (result.Written)
            {
                index.Load(marked, result.ETag ?? "");
                return;
            }

            current = await blobs.GetJsonAsync<StoryDocument>(name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Story document {name} disappeared while being marked merged.");
        }

        throw new InvalidOperationException($"Story {from.Value.Id} kept changing while being marked merged into {intoId}; classification will be retried.");
    }

    // The alerts the merge itself recorded (for the outlets the merged story brought), not yet delivered.
    private static List<string> PendingMerged(StoryDocument into, StoryDocument from)
    {
        var brought = from.Outlets.Select(o => o.Outlet).ToHashSet(StringComparer.Ordinal);
        return into.Outbox.Where(e => e.DeliveredAt is null && brought.Contains(e.Alert.Outlet) && from.Outlets.Any(o => o.ArticleId == e.Alert.ArticleId)).Select(e => e.Alert.Id).ToList();
    }

    private static SpreadAlert BuildMergedAlert(StoryDocument story, StoryOutlet outlet, List<StoryOutlet> outlets, DateTimeOffset now) => new()
    {
        Id = AlertIds.ForSpread(story.Id, outlet.Outlet),
        StoryId = story.Id,
        StoryTitle = story.Title,
        Outlet = outlet.Outlet,
        ArticleId = outlet.ArticleId,
        ArticleUrl = outlet.ArticleUrl ?? "",
        ArticleTitle = outlet.ArticleTitle,
        ArticlePublished = outlet.FirstSeen,
        Relation = outlet.Relation ?? ReuseRelation.Independent,
        Score = outlet.Score ?? 0,
        SourceArticleId = null,
        Passages = [],
        OutletsSoFar = outlets.Select(o => new OutletSighting(o.Outlet, o.FirstSeen, o.ArticleId, o.ArticleUrl)).ToList(),
        OriginOutlet = story.OriginOutlet,
        DetectedAt = now,
    };

    private static SpreadAlert BuildAlert(StoryDocument story, ArticleDocument article, StoryMatch? match, List<StoryOutlet> outlets, DateTimeOffset now) => new()
    {
        Id = AlertIds.ForSpread(story.Id, article.Outlet),
        StoryId = story.Id,
        StoryTitle = story.Title,
        Outlet = article.Outlet,
        ArticleId = article.Id,
        ArticleUrl = article.Url,
        ArticleTitle = article.Title,
        ArticlePublished = article.Published,
        Relation = match?.Relation ?? ReuseRelation.Independent,
        Score = match?.Score ?? 0,
        SourceArticleId = match?.SourceArticleId,
        Passages = match?.Passages.Take(MaxPassagesPerAlert).ToList() ?? [],
        OutletsSoFar = outlets.Select(o => new OutletSighting(o.Outlet, o.FirstSeen, o.ArticleId, o.ArticleUrl)).ToList(),
        OriginOutlet = story.OriginOutlet,
        DetectedAt = now,
    };

    private static StoryOutlet NewOutlet(ArticleDocument article, StoryMatch? match, DateTimeOffset now)
    {
        var seenAt = article.Published ?? article.FetchedAt;
        return new StoryOutlet
        {
            Outlet = article.Outlet,
            FirstSeen = seenAt,
            DetectedAt = now,
            ArticleId = article.Id,
            ArticleUrl = article.Url,
            ArticleTitle = article.Title,
            Relation = match?.Relation,
            Score = match?.Score,
            LastSeen = seenAt,
        };
    }

    // Only this article's own alert: re-announcing other pending alerts would put duplicate deliveries on the queue,
    // and two workers could then deliver one alert at the same moment. Alerts orphaned by a crash between the story
    // write and the enqueue come back through this article's redelivery or the host's start-up recovery.
    private static List<string> Pending(StoryDocument story, string articleId) =>
        story.Outbox.Where(e => e.DeliveredAt is null && e.Alert.ArticleId == articleId).Select(e => e.Alert.Id).ToList();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
