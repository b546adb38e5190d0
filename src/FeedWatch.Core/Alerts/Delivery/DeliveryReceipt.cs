namespace FeedWatch.Core.Alerts.Delivery;

/// <summary>Proof that a sink accepted a message: alerts-delivery/sent/{id}/{sink}.json, written create-only.</summary>
public sealed record DeliveryReceipt(string Id, string Sink, DateTimeOffset DeliveredAt, int Attempts);
