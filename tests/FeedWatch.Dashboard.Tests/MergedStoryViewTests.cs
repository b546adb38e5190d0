using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Queries;
using FeedWatch.Core.Stories;
using FeedWatch.Dashboard.Api;
using FeedWatch.Storage.Local.Blobs;

namespace FeedWatch.Dashboard.Tests;

/// <summary>The story view follows a consolidation merge: a merged story's link shows the story it became, with its articles.</summary>
public sealed class MergedStoryViewTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fw-merged-view-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_merged_story_shows_its_target_with_the_articles_of_both()
    {
        var blobs = new LocalBlobStore(_root);
        await StoreArticleAsync(blobs, "a-target", "one.example", "story-target");
        await StoreArticleAsync(blobs, "a-merged", "two.example", "story-merged");
        await blobs.PutJsonAsync(BlobLayout.Story("story-target"), Story("story-target", ["a-target", "a-merged"], ["one.example", "two.example"], mergedFrom: ["story-merged"]), createOnly: true, ifMatch: null, default);
        await blobs.PutJsonAsync(BlobLayout.Story("story-merged"), Story("story-merged", ["a-merged"], ["two.example"]) with { MergedInto = "story-target", MergedAt = Day }, createOnly: true, ifMatch: null, default);
        var pipeline = new PipelineQueries(blobs);
        var routing = new AlertRoutingOptions();
        var queries = new DashboardQueries(blobs, pipeline, new StoryAlertSettingsStore(blobs), new ConfiguredStoryAlertSettings(routing));

        var detail = await queries.GetStoryAsync("story-merged", default);

        Assert.NotNull(detail);
        Assert.Equal("story-target", detail.Id);
        Assert.Equal(["a-merged", "a-target"], detail.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        var listed = await queries.ListStoriesAsync(null, default);
        Assert.Equal(["story-target"], listed.Select(s => s.Id));
    }

    private static StoryDocument Story(string id, string[] articles, string[] outlets, string[]? mergedFrom = null) => new()
    {
        Id = id,
        Title = "Harbour crane collapses",
        CreatedAt = Day,
        UpdatedAt = Day,
        FirstSeen = Day,
        LastSeen = Day,
        ArticleCount = articles.Length,
        OriginOutlet = outlets[0],
        OriginArticleId = articles[0],
        RecentArticleIds = articles,
        Outlets = [.. outlets.Select((o, i) => new StoryOutlet { Outlet = o, FirstSeen = Day, DetectedAt = Day, ArticleId = articles[i], LastSeen = Day })],
        Profile = new StoryProfile { StoryId = id, ArticleCount = articles.Length, MergedFrom = mergedFrom ?? [] },
    };

    private static async Task StoreArticleAsync(LocalBlobStore blobs, string id, string outlet, string storyId)
    {
        var name = BlobLayout.Article(Day, outlet, "crane", id);
        var article = new ArticleDocument
        {
            Id = id,
            Url = $"https://{outlet}/crane",
            CanonicalUrl = $"https://{outlet}/crane",
            Outlet = outlet,
            Title = "Crane",
            FetchedAt = Day,
            Text = "A harbour crane collapsed on Monday.",
            Stories = [new ArticleStoryLink(storyId, 1, ReuseRelation.Independent, null, true)],
            ClassifiedAt = Day,
        };
        await blobs.PutJsonAsync(name, article, createOnly: true, ifMatch: null, default);
        await blobs.PutJsonAsync(BlobLayout.ArticleIndex(id), new ArticleIndexEntry(id, name, article.Url, Day), createOnly: true, ifMatch: null, default);
    }
}
