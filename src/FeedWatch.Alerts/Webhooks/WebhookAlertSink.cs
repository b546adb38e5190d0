using FeedWatch.Alerts.Formatting;
using FeedWatch.Alerts.Outbound;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Alerts.Webhooks;

/// <summary>
/// POSTs the CloudEvents JSON document to a URL, signed with <see cref="WebhookSignature"/> when a secret is set.
/// Receivers de-duplicate with the Idempotency-Key header (= the alert id): a redelivery after a crash repeats it.
/// </summary>
public sealed class WebhookAlertSink(string name, Uri url, string? secret, JsonPoster poster, TimeProvider time) : IAlertSink
{
    public const string AlertIdHeader = "X-FeedWatch-Alert-Id";
    public const string EventTypeHeader = "X-FeedWatch-Event";

    public string Name => name;

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default) =>
        SendAsync(AlertNotification.Single(alert), cancellationToken);

    public Task DeliverDigestAsync(AlertDigest digest, CancellationToken cancellationToken = default) =>
        SendAsync(AlertNotification.Batch(digest), cancellationToken);

    private Task SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        var body = AlertJson.Serialize(notification);
        List<KeyValuePair<string, string>> headers =
        [
            new(AlertIdHeader, notification.Id),
            new("Idempotency-Key", notification.Id),
            new(EventTypeHeader, AlertJson.EventType(notification)),
        ];
        // Signed at send time, so each retry carries a fresh timestamp that passes the receiver's tolerance.
        if (!string.IsNullOrEmpty(secret)) headers.Add(new(WebhookSignature.HeaderName, WebhookSignature.Create(secret, time.GetUtcNow(), body)));
        return poster.PostAsync(url, body, AlertJson.CloudEventsContentType, headers, cancellationToken);
    }
}
