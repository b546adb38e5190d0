using System.Globalization;
using System.Text.Json.Nodes;
using FeedWatch.Alerts.Formatting;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Alerts.Chat;

/// <summary>
/// Microsoft Teams incoming-webhook (and Workflows "post to channel") payloads: a message carrying one Adaptive Card
/// with the headline, a fact table and a button that opens the article.
/// </summary>
public static class TeamsMessage
{
    public static JsonObject For(SpreadAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var facts = new JsonArray
        {
            Fact("Outlet", alert.Outlet),
            Fact("Article", alert.ArticleTitle ?? alert.ArticleUrl),
            Fact("Relation", AlertText.Relation(alert.Relation)),
            Fact("Score", alert.Score.ToString("0.00", CultureInfo.InvariantCulture)),
            Fact("Outlets so far", alert.OutletsSoFar.Count.ToString(CultureInfo.InvariantCulture)),
        };
        if (alert.OriginOutlet is not null) facts.Add(Fact("First seen on", alert.OriginOutlet));
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = AlertText.Headline(alert), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };
        if (AlertText.StrongestPassage(alert) is { } passage)
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "“" + AlertText.Shorten(passage.ArticleText, 300) + "”", ["isSubtle"] = true, ["wrap"] = true });
        return Card(AlertText.Headline(alert), body, alert.ArticleUrl);
    }

    public static JsonObject For(AlertDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var facts = new JsonArray();
        foreach (var alert in digest.Alerts) facts.Add(Fact(alert.Outlet, $"[{alert.ArticleTitle ?? alert.ArticleUrl}]({alert.ArticleUrl}) · {AlertText.Relation(alert.Relation)}"));
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = AlertText.Headline(digest), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            new JsonObject { ["type"] = "TextBlock", ["text"] = $"Digest ({digest.Reason}) {digest.PeriodStart:u} – {digest.PeriodEnd:u}", ["isSubtle"] = true, ["wrap"] = true },
        };
        return Card(AlertText.Headline(digest), body, null);
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject Card(string summary, JsonArray body, string? url)
    {
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (url is not null) card["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open article", ["url"] = url } };
        return new JsonObject
        {
            ["type"] = "message",
            ["summary"] = summary,
            ["attachments"] = new JsonArray { new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card } },
        };
    }
}
