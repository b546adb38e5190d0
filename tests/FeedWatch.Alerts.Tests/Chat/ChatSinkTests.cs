using System.Text.Json;
using FeedWatch.Alerts.Configuration;
using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Alerts.Tests.Chat;

public sealed class ChatSinkTests
{
    private static IAlertSink Sink(Uri url, AlertSinkType type) =>
        new AlertSinkFactory(null, TimeProvider.System).Create(type.ToString().ToLowerInvariant(), new AlertSinkOptions { Type = type, Url = url, AllowPrivateNetwork = true });

    [Fact]
    public async Task Slack_gets_readable_text_and_blocks_with_the_article_link()
    {
        await using var server = new LoopbackServer((_, _) => new CannedResponse(200, "ok"));
        var alert = SampleAlerts.Spread() with { ArticleTitle = "Ferry <off> & refunds" };

        await Sink(server.BaseAddress, AlertSinkType.Slack).DeliverAsync(alert);

        using var payload = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var text = payload.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("reached harbourgazette.example", text, StringComparison.Ordinal);
        Assert.Contains("rewrite", text, StringComparison.Ordinal);
        var section = payload.RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString()!;
        Assert.Contains($"<{alert.ArticleUrl}|Ferry &lt;off&gt; &amp; refunds>", section, StringComparison.Ordinal);
        var blocks = payload.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetRawText()).ToList();
        Assert.Contains(blocks, b => b.Contains("coastalherald.example", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Contains("inspectors sign off the hull", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_gets_an_adaptive_card_with_facts_and_an_open_button()
    {
        await using var server = new LoopbackServer((_, _) => new CannedResponse(202));
        var alert = SampleAlerts.Spread();

        await Sink(server.BaseAddress, AlertSinkType.Teams).DeliverAsync(alert);

        using var payload = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.Equal("message", payload.RootElement.GetProperty("type").GetString());
        var attachment = payload.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        var facts = card.GetProperty("body")[1].GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("harbourgazette.example", facts["Outlet"]);
        Assert.Equal("0.81", facts["Score"]);
        Assert.Equal("coastalherald.example", facts["First seen on"]);
        Assert.Equal(alert.ArticleUrl, card.GetProperty("actions")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Digest_lists_every_new_outlet_in_one_slack_message()
    {
        await using var server = new LoopbackServer((_, _) => CannedResponse.Ok);
        var alerts = new[] { SampleAlerts.Spread("harbourgazette.example"), SampleAlerts.Spread("islandpost.example"), SampleAlerts.Spread("bayweekly.example") };
        var digest = new AlertDigest
        {
            Id = AlertIds.ForDigest("story-ferry", alerts.Select(a => a.Id)),
            StoryId = "story-ferry",
            StoryTitle = alerts[0].StoryTitle,
            PeriodStart = SampleAlerts.Origin,
            PeriodEnd = SampleAlerts.Origin.AddHours(1),
            Reason = "digest",
            Alerts = alerts,
        };

        await Sink(server.BaseAddress, AlertSinkType.Slack).DeliverDigestAsync(digest);

        var body = System.Text.Encoding.UTF8.GetString(Assert.Single(server.Requests).Body);
        Assert.Contains("3 new outlets", body, StringComparison.Ordinal);
        Assert.All(alerts, a => Assert.Contains(a.Outlet, body, StringComparison.Ordinal));
    }
}
