using System.Net.Http.Json;
using System.Text.Json;
using FeedWatch.Dashboard.Tests.Support;

namespace FeedWatch.Dashboard.Tests;

/// <summary>The dashboard over Azure Storage (Azurite): the pipeline stores through the REST clients, the API reads them back.</summary>
public sealed class AzuriteDashboardTests(AzuriteDashboardFixture fixture) : IClassFixture<AzuriteDashboardFixture>
{
    [Fact]
    public async Task Story_from_azure_storage_has_the_stored_outlets_alerts_and_comparison_has_shared_passages()
    {
        var story = await fixture.Http.GetFromJsonAsync<JsonElement>($"api/stories/{fixture.StoryId}");
        // What the dashboard must show is what the pipeline stored in Azure Storage: all five seed outlets (the story
        // engine's match of the aggregator page, seed-e, no longer depends on classification order or restarts).
        var outlets = story.GetProperty("outlets").EnumerateArray().Select(o => o.GetProperty("outlet").GetString()!).ToList();
        Assert.Equal(new[] { "seed-a.example", "seed-b.example", "seed-c.example", "seed-d.example", "seed-e.example" }, outlets.Order(StringComparer.Ordinal));
        Assert.Equal("seed-b.example", story.GetProperty("originOutlet").GetString());
        var alerted = story.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("outlet").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(outlets.Where(o => o != "seed-b.example").Order(StringComparer.Ordinal), alerted);

        var reprint = story.GetProperty("articles").EnumerateArray().First(a => a.GetProperty("outlet").GetString() == "seed-d.example");
        var comparison = await fixture.Http.GetFromJsonAsync<JsonElement>($"api/compare?article={reprint.GetProperty("id").GetString()}");
        Assert.True(comparison.GetProperty("passageCount").GetInt32() > 0);
        Assert.Contains(comparison.GetProperty("article").GetProperty("sentences").EnumerateArray(), s => s.GetProperty("passage").ValueKind == JsonValueKind.Number);
    }
}
