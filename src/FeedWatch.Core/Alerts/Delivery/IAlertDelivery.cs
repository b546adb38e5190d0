namespace FeedWatch.Core.Alerts.Delivery;

/// <summary>
/// The delivery step of the alert outbox. When <see cref="DeliverAsync"/> returns, the alert has been accepted by every
/// sink of its story's route, parked for a sink that kept failing, or durably held for a digest — in every case the
/// outbox may mark it delivered. Calling it again with the same alert is harmless (same ids, receipts skip done sinks).
/// </summary>
public interface IAlertDelivery
{
    Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default);

    /// <summary>Sends every held batch that is due (digest period over, quiet hours ended, rate-limit window freed).</summary>
    Task<int> ReleaseDueAsync(CancellationToken cancellationToken = default);
}
