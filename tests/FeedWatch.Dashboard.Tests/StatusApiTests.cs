using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Dashboard.Tests.Support;

namespace FeedWatch.Dashboard.Tests;

/// <summary>GET /api/status and the status panel, over the data the real pipeline produced from the seed outlets.</summary>
[Collection(DashboardCollection.Name)]
public sealed class StatusApiTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Status_reports_the_drained_queues_the_polled_feeds_and_the_last_alert_and_answers_200_when_healthy()
    {
        using var response = await fixture.Http.GetAsync("api/status");
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(status.GetProperty("healthy").GetBoolean(), status.ToString());
        Assert.Equal(0, status.GetProperty("attention").GetArrayLength());
        var queues = status.GetProperty("queues").EnumerateArray().ToList();
        Assert.Equal(
            [QueueNames.PollFeed, QueueNames.FetchArticle, QueueNames.ClassifyArticle, QueueNames.DeliverAlert],
            queues.Select(q => q.GetProperty("queue").GetString()));
        Assert.All(queues, q => Assert.Equal(0, q.GetProperty("poison").GetInt32()));
        var feeds = status.GetProperty("feeds");
        Assert.Equal(5, feeds.GetProperty("total").GetInt32());
        Assert.Equal(5, feeds.GetProperty("ok").GetInt32());
        Assert.Equal(0, feeds.GetProperty("worst").GetArrayLength());
        Assert.Equal(JsonValueKind.String, status.GetProperty("lastPollAt").ValueKind);
        Assert.Equal(JsonValueKind.String, status.GetProperty("lastArticleAt").ValueKind);
        Assert.Equal(JsonValueKind.String, status.GetProperty("lastAlertAt").ValueKind);
    }

    [Fact]
    public async Task The_page_has_the_status_panel_and_its_script_is_served()
    {
        var page = await fixture.Http.GetStringAsync("");
        Assert.Contains("id=\"status-panel\"", page, StringComparison.Ordinal);
        Assert.Contains("/assets/status.js", page, StringComparison.Ordinal);

        var script = await fixture.Http.GetStringAsync("assets/status.js");
        Assert.Contains("/api/status", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        using var styles = await fixture.Http.GetAsync("assets/status.css");
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
    }
}
