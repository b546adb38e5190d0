namespace FeedWatch.Core.Alerts.Delivery;

/// <summary>
/// A delivery that failed all its attempts, kept (never dropped) at alerts-delivery/parked/{id}/{sink}.json until
/// `feedwatch alerts retry` re-sends it. It carries the whole notification, so a retry needs nothing else.
/// </summary>
public sealed record ParkedDelivery(
    AlertNotification Notification,
    string Sink,
    int Attempts,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt,
    string LastError)
{
    public string Id => Notification.Id;
}
