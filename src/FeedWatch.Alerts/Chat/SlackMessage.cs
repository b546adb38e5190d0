using System.Text.Json.Nodes;
using FeedWatch.Alerts.Formatting;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Alerts.Chat;

/// <summary>Slack incoming-webhook payloads: a plain "text" fallback for notifications plus Block Kit sections to read.</summary>
public static class SlackMessage
{
    public static JsonObject For(SpreadAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var blocks = new JsonArray
        {
            Section($"*{Escape(AlertText.Headline(alert))}*\n<{alert.ArticleUrl}|{Escape(alert.ArticleTitle ?? alert.ArticleUrl)}>"),
            Context($"Now on {alert.OutletsSoFar.Count} outlet(s): {Escape(string.Join(", ", alert.OutletsSoFar.Select(o => o.Outlet)))}"
                + (alert.OriginOutlet is null ? "" : $" · first seen on {Escape(alert.OriginOutlet)}")),
        };
        if (AlertText.StrongestPassage(alert) is { } passage) blocks.Add(Section($"> {Escape(AlertText.Shorten(passage.ArticleText, 300))}"));
        return new JsonObject { ["text"] = AlertText.Headline(alert), ["blocks"] = blocks };
    }

    public static JsonObject For(AlertDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var lines = string.Join("\n", digest.Alerts.Select(a =>
            $"• *{Escape(a.Outlet)}* ({AlertText.Relation(a.Relation)}): <{a.ArticleUrl}|{Escape(a.ArticleTitle ?? a.ArticleUrl)}>"));
        var blocks = new JsonArray
        {
            Section($"*{Escape(AlertText.Headline(digest))}*"),
            Section(lines),
            Context($"Digest ({digest.Reason}) {digest.PeriodStart:u} – {digest.PeriodEnd:u}"),
        };
        return new JsonObject { ["text"] = AlertText.Headline(digest), ["blocks"] = blocks };
    }

    // Slack mrkdwn treats &, < and > as control characters.
    public static string Escape(string text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static JsonObject Section(string markdown) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = AlertText.Shorten(markdown, 2900) } };

    private static JsonObject Context(string markdown) =>
        new() { ["type"] = "context", ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = AlertText.Shorten(markdown, 2900) } } };
}
