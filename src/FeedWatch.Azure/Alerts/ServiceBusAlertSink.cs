using Azure.Messaging.ServiceBus;
using FeedWatch.Alerts.Formatting;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Azure.Alerts;

/// <summary>
/// Sends alerts to a Service Bus queue or topic through the SDK's <see cref="ServiceBusSender"/>, in message batches
/// (as many as fit the entity's size limit per send). MessageId = alert id, so an entity with duplicate detection
/// drops a redelivery; key fields are application properties so topic subscriptions can filter, e.g.
/// <c>storyId = 'abc' AND relation IN ('copy','spun')</c> or a correlation filter on eventType.
/// Transient broker faults are retried by the SDK (the client's <see cref="ServiceBusRetryOptions"/>); if they persist,
/// the <see cref="ServiceBusException"/> surfaces as it is, so the dispatcher tries again later. A fault that
/// retrying cannot fix (entity missing, unauthorized, message too large) becomes an <see cref="AlertDeliveryException"/>
/// naming the sink, the entity and the reason.
/// </summary>
public sealed class ServiceBusAlertSink(string name, ServiceBusSender sender) : IAlertSink
{
    public string Name => name;

    public ServiceBusSender Sender => sender;

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default) =>
        SendAsync([AlertNotification.Single(alert)], cancellationToken);

    public Task DeliverDigestAsync(AlertDigest digest, CancellationToken cancellationToken = default) =>
        SendAsync([AlertNotification.Batch(digest)], cancellationToken);

    /// <summary>Sends the notifications in as few batches as the entity's message size limit allows, in order.</summary>
    public async Task SendAsync(IReadOnlyList<AlertNotification> notifications, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var next = 0;
        while (next < notifications.Count)
        {
            using var batch = await Guard(() => sender.CreateMessageBatchAsync(cancellationToken).AsTask()).ConfigureAwait(false);
            while (next < notifications.Count && batch.TryAddMessage(CreateMessage(notifications[next])))
            {
                next++;
            }

            if (batch.Count == 0)
            {
                throw new AlertDeliveryException(
                    $"Alert sink '{name}': alert {notifications[next].Id} does not fit one Service Bus message on '{sender.EntityPath}' " +
                    $"(limit {batch.MaxSizeInBytes} bytes).");
            }

            await Guard(async () =>
            {
                await sender.SendMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
        }
    }

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

    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ServiceBusException ex) when (!ex.IsTransient)
        {
            throw new AlertDeliveryException(
                $"Alert sink '{name}': Service Bus refused the send to '{sender.EntityPath}' on {sender.FullyQualifiedNamespace} ({ex.Reason}): {ex.Message}",
                ex);
        }
    }
}
