using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Core.Alerts.Delivery;

/// <summary>
/// The one sink the pipeline's DeliverAlertHandler sees: it hands the alert to <see cref="IAlertDelivery"/>, which applies
/// the story's route and noise control and retries, receipts and parks per configured sink. It throws only when the
/// hand-off itself failed (storage unreachable), so the outbox entry is marked delivered exactly when no alert can be
/// lost any more: it reached every sink, is parked for `feedwatch alerts retry`, or is durably held for a digest.
/// </summary>
public sealed class RoutedAlertSink(IAlertDelivery delivery) : IAlertSink
{
    public const string SinkName = "routed";

    public string Name => SinkName;

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default) => delivery.DeliverAsync(alert, cancellationToken);

    public async Task DeliverDigestAsync(AlertDigest digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        foreach (var alert in digest.Alerts) await delivery.DeliverAsync(alert, cancellationToken).ConfigureAwait(false);
    }
}
