namespace FeedWatch.Core.Alerts;

/// <summary>A place alerts are delivered to (local queue, Service Bus, webhook, console …). Delivery must be idempotent by alert id.</summary>
public interface IAlertSink
{
    string Name { get; }

    Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default);
}
