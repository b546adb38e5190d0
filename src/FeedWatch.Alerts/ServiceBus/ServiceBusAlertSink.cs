using FeedWatch.Alerts.Formatting;
using FeedWatch.Azure.ServiceBus;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Alerts.ServiceBus;

/// <summary>
/// Sends alerts to a Service Bus queue or topic. MessageId = alert id, so an entity with duplicate detection drops a
/// redelivery; key fields are application properties so topic subscriptions can filter, e.g.
/// <c>storyId = 'abc' AND relation IN ('copy','spun')</c> or a correlation filter on eventType.
/// </summary>
public sealed class ServiceBusAlertSink(string name, ServiceBusSenderClient sender) : IAlertSink
{
    public string Name => name;

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default) =>
        sender.SendMessageAsync(CreateMessage(AlertNotification.Single(alert)), cancellationToken);

    public Task DeliverDigestAsync(AlertDigest digest, CancellationToken cancellationToken = default) =>
        sender.SendMessageAsync(CreateMessage(AlertNotification.Batch(digest)), cancellationToken);

    public static ServiceBusMessage CreateMessage(AlertNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var eventType = AlertJson.EventType(notification);
        var message = new ServiceBusMessage(new BinaryData(AlertJson.Serialize(notification)))
        {
            MessageId = notification.Id,
            ContentType = AlertJson.CloudEventsContentType,
            Subject = eventType,
            CorrelationId = notification.StoryId,
        };
        var properties = message.ApplicationProperties;
        properties["eventType"] = eventType;
        properties["storyId"] = notification.StoryId;
        if (notification.Alert is { } alert)
        {
            properties["outlet"] = alert.Outlet;
            properties["relation"] = alert.Relation.ToString().ToLowerInvariant();
            properties["score"] = Math.Round(alert.Score, 4);
            properties["outletCount"] = alert.OutletsSoFar.Count;
            if (alert.OriginOutlet is not null) properties["originOutlet"] = alert.OriginOutlet;
        }
        else
        {
            var digest = notification.Digest!;
            properties["outlet"] = string.Join(",", digest.Alerts.Select(a => a.Outlet));
            properties["alertCount"] = digest.Alerts.Count;
            properties["digestReason"] = digest.Reason;
        }

        return message;
    }
}
