using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FeedWatch.Dashboard.Tests.Support;

namespace FeedWatch.Dashboard.Tests;

/// <summary>The dashboard's JSON API over data the real pipeline produced from the replayed seed story.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardApiTests(DashboardFixture fixture)
{
    private static readonly string[] SeedOutlets = ["seed-a.example", "seed-b.example", "seed-c.example", "seed-d.example", "seed-e.example"];

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Story_list_shows_the_tracked_story_with_five_outlets_and_search_filters_it()
    {
        var stories = await Http.GetFromJsonAsync<JsonElement>("api/stories");
        var story = stories.EnumerateArray().Single(s => s.GetProperty("id").GetString() == fixture.StoryId);
        Assert.Equal(5, story.GetProperty("outletCount").GetInt32());
        Assert.Equal("seed-b.example", story.GetProperty("originOutlet").GetString());
        var sparkline = story.GetProperty("sparkline").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Equal(5, sparkline[^1]);
        Assert.True(sparkline.SequenceEqual(sparkline.Order()), "the outlet count over time never goes down");

        var hits = await Http.GetFromJsonAsync<JsonElement>("api/stories?q=EMBASSY");
        Assert.Contains(hits.EnumerateArray(), s => s.GetProperty("id").GetString() == fixture.StoryId);
        var byOutlet = await Http.GetFromJsonAsync<JsonElement>("api/stories?q=seed-e.example");
        Assert.Contains(byOutlet.EnumerateArray(), s => s.GetProperty("id").GetString() == fixture.StoryId);
        var byHeadline = await Http.GetFromJsonAsync<JsonElement>("api/stories?q=baghdad"); // only seed-e's headline says Baghdad
        Assert.Contains(byHeadline.EnumerateArray(), s => s.GetProperty("id").GetString() == fixture.StoryId);
        var misses = await Http.GetFromJsonAsync<JsonElement>("api/stories?q=no-such-words-anywhere");
        Assert.Equal(0, misses.GetArrayLength());
    }

    [Fact]
    public async Task Story_detail_has_five_outlets_the_origin_the_propagation_links_and_alert_history()
    {
        var story = await Http.GetFromJsonAsync<JsonElement>($"api/stories/{fixture.StoryId}");
        Assert.Equal("seed-b.example", story.GetProperty("originOutlet").GetString());
        var outlets = story.GetProperty("outlets").EnumerateArray().ToList();
        Assert.Equal(SeedOutlets, outlets.Select(o => o.GetProperty("outlet").GetString()).Order(StringComparer.Ordinal));

        var articles = story.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(5, articles.Count);
        var origin = Assert.Single(articles, a => a.GetProperty("startedStory").GetBoolean());
        Assert.Equal("seed-b.example", origin.GetProperty("outlet").GetString());
        Assert.Equal(story.GetProperty("originArticleId").GetString(), origin.GetProperty("id").GetString());
        var relations = new[] { "copy", "rewrite", "spun", "independent" };
        Assert.All(articles, a => Assert.Contains(a.GetProperty("relation").GetString(), relations)); // enums travel lower-case
        var ids = articles.Select(a => a.GetProperty("id").GetString()).ToHashSet();
        Assert.All(articles.Where(a => !a.GetProperty("startedStory").GetBoolean()), a => Assert.Contains(a.GetProperty("sourceArticleId").GetString(), ids));

        var alerts = story.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(SeedOutlets.Where(o => o != "seed-b.example"), alerts.Select(a => a.GetProperty("outlet").GetString()).Order(StringComparer.Ordinal));
        var feed = await Http.GetFromJsonAsync<JsonElement>("api/alerts");
        Assert.Equal(4, feed.EnumerateArray().Count(a => a.GetProperty("data").GetProperty("storyId").GetString() == fixture.StoryId));
    }

    [Fact]
    public async Task Compare_returns_the_shared_passages_on_both_sides()
    {
        var story = await Http.GetFromJsonAsync<JsonElement>($"api/stories/{fixture.StoryId}");
        var reprint = story.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("outlet").GetString() == "seed-d.example");
        var comparison = await Http.GetFromJsonAsync<JsonElement>($"api/compare?article={reprint.GetProperty("id").GetString()}");

        Assert.Equal(reprint.GetProperty("sourceArticleId").GetString(), comparison.GetProperty("source").GetProperty("id").GetString());
        Assert.Equal(reprint.GetProperty("relation").GetString(), comparison.GetProperty("relation").GetString());
        var passageCount = comparison.GetProperty("passageCount").GetInt32();
        Assert.True(passageCount >= 3, $"a near-verbatim reprint shares many passages, got {passageCount}");
        var articlePassages = Passages(comparison.GetProperty("article"));
        var sourcePassages = Passages(comparison.GetProperty("source"));
        Assert.Equal(passageCount, articlePassages.Count);
        Assert.Equal(articlePassages, sourcePassages);

        var article = await Http.GetFromJsonAsync<JsonElement>($"api/articles/{reprint.GetProperty("id").GetString()}");
        Assert.Equal("seed-d.example", article.GetProperty("outlet").GetString());
    }

    [Theory]
    [InlineData("api/stories/no-such-story")]
    [InlineData("api/articles/no-such-article")]
    [InlineData("api/compare?article=no-such-article")]
    [InlineData("assets/no-such-file.js")]
    public async Task Unknown_things_are_404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(path)).StatusCode);

    [Fact]
    public async Task Page_and_assets_are_served_by_the_app_itself_with_no_external_links()
    {
        var page = await Http.GetStringAsync("");
        var script = await Http.GetAsync("assets/app.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var all = page + await script.Content.ReadAsStringAsync() + await Http.GetStringAsync("assets/app.css");
        Assert.Contains("/assets/app.js", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*[""']https?://", all);
        Assert.DoesNotContain("@import url(http", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_pasted_text_creates_a_tracked_story_and_bad_requests_say_why()
    {
        var response = await Http.PostAsJsonAsync("api/stories", new
        {
            text = "Harbour cranes stand idle as dockworkers strike over pay.\nTwo hundred dockworkers walked out on Monday over a pay dispute with the harbour authority, leaving container ships waiting offshore.",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tracked = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = tracked.GetProperty("storyId").GetString();
        Assert.Equal("Harbour cranes stand idle as dockworkers strike over pay.", tracked.GetProperty("title").GetString());
        var story = await Http.GetFromJsonAsync<JsonElement>($"api/stories/{id}");
        Assert.True(story.GetProperty("tracked").GetBoolean());

        var empty = await Http.PostAsJsonAsync("api/stories", new { url = "", text = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("URL", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alert_settings_round_trip_and_invalid_ones_are_refused()
    {
        var path = $"api/stories/{fixture.StoryId}/alerting";
        var saved = await Http.PutAsJsonAsync(path, new { sinks = new[] { "queue" }, rateLimit = new { maxMessages = 3, per = "01:00:00" }, digestPeriod = "02:00:00" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var alerting = (await Http.GetFromJsonAsync<JsonElement>($"api/stories/{fixture.StoryId}")).GetProperty("alerting");
        Assert.Equal(["queue"], alerting.GetProperty("sinks").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(3, alerting.GetProperty("rateLimit").GetProperty("maxMessages").GetInt32());
        Assert.Equal("02:00:00", alerting.GetProperty("digestPeriod").GetString());

        await AssertRefusedAsync(path, new { sinks = new[] { "no-such-sink" } }, HttpStatusCode.BadRequest, "no-such-sink");
        await AssertRefusedAsync(path, new { digestPeriod = "-01:00:00" }, HttpStatusCode.BadRequest, "DigestPeriod");
        await AssertRefusedAsync("api/stories/no-such-story/alerting", new { sinks = new[] { "queue" } }, HttpStatusCode.NotFound, "no-such-story");

        // Refused settings changed nothing.
        var after = (await Http.GetFromJsonAsync<JsonElement>($"api/stories/{fixture.StoryId}")).GetProperty("alerting");
        Assert.Equal("02:00:00", after.GetProperty("digestPeriod").GetString());
        var malformed = await Http.PutAsync(path, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    private async Task AssertRefusedAsync(string path, object body, HttpStatusCode expected, string mentioned)
    {
        var response = await Http.PutAsJsonAsync(path, body);
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(mentioned, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static List<int> Passages(JsonElement side) =>
        side.GetProperty("sentences").EnumerateArray()
            .Where(s => s.GetProperty("passage").ValueKind == JsonValueKind.Number)
            .Select(s => s.GetProperty("passage").GetInt32())
            .Distinct()
            .Order()
            .ToList();
}
