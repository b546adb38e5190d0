using System.Text;
using System.Text.Json.Nodes;
using FeedWatch.Alerts.Outbound;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Alerts.Chat;

/// <summary>
/// A Slack or Teams incoming webhook. Neither de-duplicates, so exactly-once rests on the dispatcher's receipts:
/// a crash between the POST and the receipt is the only window in which a person could see a message twice.
/// </summary>
public sealed class ChatWebhookAlertSink(string name, Uri url, ChatFlavor flavor, JsonPoster poster) : IAlertSink
{
    public string Name => name;

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default) =>
        PostAsync(flavor == ChatFlavor.Slack ? SlackMessage.For(alert) : TeamsMessage.For(alert), cancellationToken);

    public Task DeliverDigestAsync(AlertDigest digest, CancellationToken cancellationToken = default) =>
        PostAsync(flavor == ChatFlavor.Slack ? SlackMessage.For(digest) : TeamsMessage.For(digest), cancellationToken);

    private Task PostAsync(JsonObject payload, CancellationToken cancellationToken) =>
        poster.PostAsync(url, Encoding.UTF8.GetBytes(payload.ToJsonString()), "application/json; charset=utf-8", [], cancellationToken);
}
