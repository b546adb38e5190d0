using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Core.Alerts;

/// <summary>A place alerts are delivered to (local queue, Service Bus, webhook, console …). Delivery must be idempotent by alert id.</summary>
public interface IAlertSink
{
    string Name { get; }

    Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers a digest as one message. Sinks that have no digest format inherit this fallback, which sends the
    /// digest's alerts one by one (each still idempotent by its own id), so no held alert is ever lost.
    /// </summary>
    async Task DeliverDigestAsync(AlertDigest digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        foreach (var alert in digest.Alerts) await DeliverAsync(alert, cancellationToken).ConfigureAwait(false);
    }
}
