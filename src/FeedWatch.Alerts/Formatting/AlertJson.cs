using System.Text.Json;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Alerts.Formatting;

/// <summary>The CloudEvents JSON bytes every machine-facing sink sends (webhook, queues, Service Bus).</summary>
public static class AlertJson
{
    public const string CloudEventsContentType = "application/cloudevents+json; charset=utf-8";

    public static byte[] Serialize(AlertNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.Alert is { } alert
            ? JsonSerializer.SerializeToUtf8Bytes(AlertEnvelope.For(alert), FeedWatchJson.Options)
            : JsonSerializer.SerializeToUtf8Bytes(DigestEnvelope.For(notification.Digest!), FeedWatchJson.Options);
    }

    public static string EventType(AlertNotification notification) =>
        notification?.Alert is not null ? AlertEnvelope.SpreadEventType : DigestEnvelope.DigestEventType;
}
