using FeedWatch.Core.Alerts;
using FeedWatch.Core.Configuration;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Queries;
using FeedWatch.Core.Stories;
using FeedWatch.Core.Tests.Pipeline.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Core.Tests.Pipeline;

/// <summary>
/// A consolidation merge reaches the documents: the target story absorbs the merged story's outlets and articles
/// (a tracked target alerts once per outlet it gains, under the usual deterministic id), the merged story redirects,
/// readers and a restarted index follow the redirect, and writing the same merge again changes nothing.
/// </summary>
public sealed class PipelineConsolidationTests
{
    private const string Bridge = "The river council voted to close the old stone bridge after engineers found deep cracks in two of its arches and warned that heavy trucks could make them worse";
    private const string Ferry = "A temporary ferry will carry commuters across the river from Monday while the town waits for a decision on repairs to its only crossing";

    private static async Task<(PipelineRig Rig, string Tracked, string Fragment)> TrackedStoryAndFragmentAsync()
    {
        var rig = new PipelineRig();
        rig.Fetcher.Serve("https://origin.example/bridge", "Bridge closed\n" + Bridge);
        rig.Fetcher.Serve("https://ferry.example/news/ferry", "Ferry replaces bridge\n" + Ferry);
        rig.Fetcher.Serve("https://ferry.example/feed", "https://ferry.example/news/ferry|Ferry replaces bridge", "application/rss+xml");
        rig.Fetcher.Serve("https://rewrite.example/b", "Council shuts bridge\n" + Bridge.Replace("voted", "decided", StringComparison.Ordinal));
        rig.Fetcher.Serve("https://rewrite.example/feed", "https://rewrite.example/b|Council shuts bridge", "application/rss+xml");
        var tracked = await rig.Tracker.TrackUrlAsync(new Uri("https://origin.example/bridge"), "Bridge closure", default);

        // The ferry article shares no wording with the bridge story: it starts a discovered story of its own.
        rig.Catalog.Feeds.Add(new FeedDefinition { Url = "https://ferry.example/feed", PollInterval = "5m" });
        await rig.Scheduler.ScheduleDueFeedsAsync();
        await rig.RunUntilQuietAsync();
        var fragment = rig.Blobs.Names
            .Where(n => n.StartsWith(BlobLayout.StoriesPrefix, StringComparison.Ordinal) && n != BlobLayout.Story(tracked.StoryId))
            .Single()[BlobLayout.StoriesPrefix.Length..^".json".Length];
        return (rig, tracked.StoryId, fragment);
    }

    [Fact]
    public async Task A_merge_moves_outlets_and_articles_to_the_target_alerts_once_and_redirects()
    {
        var (rig, tracked, fragment) = await TrackedStoryAndFragmentAsync();
        Assert.Empty(rig.Sink.Delivered);

        // The engine decides, at the next classification, that the ferry story is part of the tracked one.
        rig.Engine.QueueMerge(fragment, tracked);
        rig.Catalog.Feeds.Add(new FeedDefinition { Url = "https://rewrite.example/feed", PollInterval = "5m" });
        rig.Time.Advance(TimeSpan.FromMinutes(6));
        await rig.Scheduler.ScheduleDueFeedsAsync();
        await rig.RunUntilQuietAsync();

        Assert.Equal(["ferry.example", "rewrite.example"], rig.Sink.Delivered.Select(a => a.Outlet).Order());
        Assert.All(rig.Sink.Delivered, a => Assert.Equal(AlertIds.ForSpread(tracked, a.Outlet), a.Id));

        var target = (await rig.Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(tracked), default))!.Value;
        Assert.Equal(["origin.example", "rewrite.example", "ferry.example"], target.Outlets.Select(o => o.Outlet));
        Assert.Equal(3, target.ArticleCount);
        Assert.Contains(fragment, target.Profile.MergedFrom);
        Assert.Contains(target.Outlets.Single(o => o.Outlet == "ferry.example").ArticleId, target.RecentArticleIds);
        Assert.Null(target.MergedInto);

        var merged = (await rig.Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(fragment), default))!.Value;
        Assert.Equal(tracked, merged.MergedInto);
        Assert.NotNull(merged.MergedAt);

        // Readers follow the redirect; the story list shows the merged story once, as its target.
        var queries = new PipelineQueries(rig.Blobs);
        Assert.Equal(tracked, (await queries.GetStoryAsync(fragment, default))!.Value.Id);
        var listed = await queries.ListStoriesAsync(default);
        Assert.Equal([tracked], listed.Select(s => s.Id));
    }

    [Fact]
    public async Task Writing_the_same_merge_again_changes_nothing_and_alerts_no_more()
    {
        var (rig, tracked, fragment) = await TrackedStoryAndFragmentAsync();
        rig.Engine.QueueMerge(fragment, tracked);
        var merges = rig.Index.Consolidate();
        var merge = Assert.Single(merges);
        var first = await rig.Updater.MergeAsync(merge, default);
        Assert.Equal([AlertIds.ForSpread(tracked, "ferry.example")], first!.PendingAlertIds);
        var before = await rig.Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(tracked), default);

        // A retried classification writes the same merge again (the index keeps it until told it was written).
        Assert.Single(rig.Index.Consolidate());
        await rig.Updater.MergeAsync(merge, default);
        rig.Index.MergeWritten(merge);
        Assert.Empty(rig.Index.Consolidate());

        var after = await rig.Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(tracked), default);
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.Single(after.Value.Outbox);
        Assert.Equal(2, after.Value.ArticleCount);
    }

    [Fact]
    public async Task A_target_another_worker_changed_since_is_merged_from_its_stored_version()
    {
        var (rig, tracked, fragment) = await TrackedStoryAndFragmentAsync();
        rig.Engine.QueueMerge(fragment, tracked);
        var merge = Assert.Single(rig.Index.Consolidate());

        // Another worker writes the target after this index loaded it (its profile now counts 7 articles).
        var stored = (await rig.Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(tracked), default))!;
        var changed = stored.Value with { ArticleCount = 7, Profile = stored.Value.Profile with { ArticleCount = 7 } };
        Assert.True((await rig.Blobs.PutJsonAsync(BlobLayout.Story(tracked), changed, createOnly: false, ifMatch: stored.ETag, default)).Written);

        await rig.Updater.MergeAsync(merge, default);

        var target = (await rig.Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(tracked), default))!.Value;
        Assert.Equal(8, target.ArticleCount);
        Assert.Equal(8, target.Profile.ArticleCount); // merged again from the stored profile, not the engine's older view
        Assert.Contains(fragment, target.Profile.MergedFrom);
    }

    [Fact]
    public async Task A_restarted_index_never_matches_a_merged_story_again()
    {
        var (rig, tracked, fragment) = await TrackedStoryAndFragmentAsync();
        rig.Engine.QueueMerge(fragment, tracked);
        foreach (var merge in rig.Index.Consolidate())
        {
            await rig.Updater.MergeAsync(merge, default);
            rig.Index.MergeWritten(merge);
        }

        var engine = new WordOverlapStoryEngine();
        var restarted = new StoryIndex(engine, rig.Blobs, rig.Options, rig.Time, NullLogger<StoryIndex>.Instance);
        await restarted.EnsureFreshAsync(default, force: true);

        var ferry = new StoryArticle("again", "other.example", null, rig.Time.GetUtcNow(), "Ferry", Ferry);
        Assert.DoesNotContain(restarted.Match(ferry), m => m.StoryId == fragment);
        Assert.True(restarted.IsTracked(tracked));
    }

    [Fact]
    public async Task While_a_merge_is_unwritten_written_profiles_claim_consolidation_only_up_to_before_it()
    {
        var (rig, tracked, fragment) = await TrackedStoryAndFragmentAsync();
        var third = new StoryArticle("third-1", "third.example", null, rig.Time.GetUtcNow(), "Third", "A story about a school play and its stage that collapsed");
        rig.Index.Add("story-third", third, null); // one more article, so the next consolidation moves the point on
        rig.Engine.QueueMerge(fragment, tracked);
        var merge = Assert.Single(rig.Index.Consolidate()); // made in memory; its documents are not written yet
        var before = merge.Profile.ConsolidatedThrough;
        Assert.NotNull(before);
        Assert.True(rig.Engine.ConsolidatedThrough > before);

        // Another classification writes a profile meanwhile: it must not claim the unwritten merge's re-check as made.
        var other = new StoryArticle("other-1", "other.example", null, rig.Time.GetUtcNow(), "Other", "An unrelated story about a village fete and its prize marrows");
        Assert.Equal(before, rig.Index.Add("story-other", other, null).ConsolidatedThrough);

        await rig.Updater.MergeAsync(merge, default);
        rig.Index.MergeWritten(merge);
        Assert.Empty(rig.Index.Consolidate());
        var next = new StoryArticle("other-2", "other.example", null, rig.Time.GetUtcNow(), "Other", "A second unrelated story about a lost parrot");
        Assert.Equal(rig.Engine.ConsolidatedThrough, rig.Index.Add("story-next", next, null).ConsolidatedThrough);
    }

    [Fact]
    public async Task A_restarted_index_makes_the_due_revisions_before_it_matches_and_hands_them_over_to_be_written()
    {
        var (rig, tracked, fragment) = await TrackedStoryAndFragmentAsync();

        // A fresh engine whose re-check (here queued by hand) finds the fragment part of the tracked story.
        var engine = new WordOverlapStoryEngine();
        engine.QueueMerge(fragment, tracked);
        var restarted = new StoryIndex(engine, rig.Blobs, rig.Options, rig.Time, NullLogger<StoryIndex>.Instance);
        await restarted.EnsureFreshAsync(default, force: true);

        var ferry = new StoryArticle("again", "other.example", null, rig.Time.GetUtcNow(), "Ferry", Ferry);
        Assert.DoesNotContain(restarted.Match(ferry), m => m.StoryId == fragment);
        var merge = Assert.Single(restarted.Consolidate());
        Assert.Equal((fragment, tracked), (merge.From, merge.Into));
    }
}
