using System.Text.Json;
using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Queries;
using FeedWatch.Core.Serialization;
using FeedWatch.Core.Stories;
using FeedWatch.Dashboard.Api;
using FeedWatch.Storage.Local.Blobs;

namespace FeedWatch.Dashboard.Tests;

/// <summary>
/// A story that follows an earlier one (a saga's later development) shows the link in the dashboard's story view and
/// API, and in the story list that `feedwatch stories --json` prints.
/// </summary>
public sealed class FollowsStoryViewTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fw-follows-view-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_story_view_and_the_story_list_show_which_story_it_follows()
    {
        var blobs = new LocalBlobStore(_root);
        await blobs.PutJsonAsync(BlobLayout.Story("story-senate"), Story("story-senate", null), createOnly: true, ifMatch: null, default);
        await blobs.PutJsonAsync(BlobLayout.Story("story-house"), Story("story-house", "story-senate"), createOnly: true, ifMatch: null, default);
        var pipeline = new PipelineQueries(blobs);
        var queries = new DashboardQueries(blobs, pipeline, new StoryAlertSettingsStore(blobs), new ConfiguredStoryAlertSettings(new AlertRoutingOptions()));

        var detail = await queries.GetStoryAsync("story-house", default);
        Assert.NotNull(detail);
        Assert.Equal("story-senate", detail.Follows);
        Assert.Null((await queries.GetStoryAsync("story-senate", default))!.Follows);
        Assert.Contains("\"follows\":\"story-senate\"", JsonSerializer.Serialize(detail, FeedWatchJson.Options), StringComparison.Ordinal);

        var listed = (await pipeline.ListStoriesAsync(default)).ToDictionary(s => s.Id);
        Assert.Equal("story-senate", listed["story-house"].Follows);
        Assert.Null(listed["story-senate"].Follows);
        Assert.Contains("\"follows\":\"story-senate\"", JsonSerializer.Serialize(listed["story-house"], FeedWatchJson.Options), StringComparison.Ordinal);
    }

    private static StoryDocument Story(string id, string? follows) => new()
    {
        Id = id,
        Title = "Harbor Bridge bill",
        CreatedAt = Day,
        UpdatedAt = Day,
        FirstSeen = Day,
        LastSeen = Day,
        ArticleCount = 0,
        Profile = new StoryProfile { StoryId = id, Follows = follows },
    };
}
