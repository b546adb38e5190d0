using FeedWatch.Core.Alerts.Digests;
using FeedWatch.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Alerts.Delivery;

/// <summary>
/// Sends one notification to the named sinks. Each sink is tried with bounded backoff; a sink that keeps failing is
/// PARKED (kept, with the whole notification) instead of blocking the others or losing the alert. A receipt per
/// (id, sink) makes a redelivery skip sinks that already accepted the message, so a crash re-sends only what is missing.
/// </summary>
public sealed class AlertDispatcher
{
    private readonly Dictionary<string, IAlertSink> sinks;
    private readonly AlertDeliveryStore store;
    private readonly DeliveryRetryOptions retry;
    private readonly TimeProvider time;
    private readonly ILogger<AlertDispatcher> logger;
    private readonly Random jitter = new();

    public AlertDispatcher(IEnumerable<IAlertSink> sinks, AlertDeliveryStore store, DeliveryRetryOptions retry, TimeProvider time, ILogger<AlertDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        this.sinks = new Dictionary<string, IAlertSink>(StringComparer.OrdinalIgnoreCase);
        foreach (var sink in sinks)
        {
            if (!this.sinks.TryAdd(sink.Name, sink)) throw new ArgumentException($"Two alert sinks are named '{sink.Name}'.", nameof(sinks));
        }

        this.store = store;
        this.retry = retry;
        this.time = time;
        this.logger = logger;
    }

    public IReadOnlyCollection<string> SinkNames => sinks.Keys;

    public async Task<DispatchResult> DispatchAsync(AlertNotification notification, IEnumerable<string> sinkNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(sinkNames);
        List<string> delivered = [], already = [], parked = [];
        foreach (var name in sinkNames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await store.HasReceiptAsync(notification.Id, name, cancellationToken).ConfigureAwait(false))
            {
                already.Add(name);
                continue;
            }

            var outcome = await SendWithRetriesAsync(notification, name, cancellationToken).ConfigureAwait(false);
            if (outcome.Error is null)
            {
                await store.WriteReceiptAsync(new DeliveryReceipt(notification.Id, name, time.GetUtcNow(), outcome.Attempts), cancellationToken).ConfigureAwait(false);
                delivered.Add(name);
                FeedWatchMetrics.RecordDelivery(name, "delivered");
            }
            else
            {
                await ParkAsync(notification, name, outcome, cancellationToken).ConfigureAwait(false);
                parked.Add(name);
                FeedWatchMetrics.RecordDelivery(name, "parked");
            }
        }

        return new DispatchResult(delivered, already, parked);
    }

    /// <summary>Re-sends a parked delivery (`feedwatch alerts retry`). True when the sink accepted it and it left the parking area.</summary>
    public async Task<bool> RetryParkedAsync(ParkedDelivery parked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parked);
        if (!await store.HasReceiptAsync(parked.Id, parked.Sink, cancellationToken).ConfigureAwait(false))
        {
            var outcome = await SendWithRetriesAsync(parked.Notification, parked.Sink, cancellationToken).ConfigureAwait(false);
            if (outcome.Error is not null)
            {
                await ParkAsync(parked.Notification, parked.Sink, outcome, cancellationToken).ConfigureAwait(false);
                return false;
            }

            await store.WriteReceiptAsync(new DeliveryReceipt(parked.Id, parked.Sink, time.GetUtcNow(), outcome.Attempts), cancellationToken).ConfigureAwait(false);
        }

        // The receipt is written before the parked record goes: a crash in between leaves a parked entry whose retry is a no-op.
        await store.UnparkAsync(parked.Id, parked.Sink, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Re-sent parked alert {AlertId} to sink {Sink}", parked.Id, parked.Sink);
        return true;
    }

    private async Task<SendOutcome> SendWithRetriesAsync(AlertNotification notification, string sinkName, CancellationToken cancellationToken)
    {
        if (!sinks.TryGetValue(sinkName, out var sink))
            return new SendOutcome(0, $"No alert sink named '{sinkName}' is configured (known: {string.Join(", ", sinks.Keys)}).");

        string? error = null;
        var attempts = Math.Max(1, retry.MaxAttempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var wait = retry.BackoffBefore(attempt, jitter);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            try
            {
                await (notification.Alert is { } alert
                    ? sink.DeliverAsync(alert, cancellationToken)
                    : sink.DeliverDigestAsync(notification.Digest!, cancellationToken)).ConfigureAwait(false);
                logger.LogInformation("Delivered {AlertId} of story {StoryId} to sink {Sink} (attempt {Attempt})", notification.Id, notification.StoryId, sinkName, attempt);
                return new SendOutcome(attempt, null);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                error = ex.GetType().Name + ": " + ex.Message;
                FeedWatchMetrics.RecordDelivery(sinkName, "failed");
                logger.LogWarning(ex, "Sink {Sink} failed {AlertId} (attempt {Attempt} of {MaxAttempts})", sinkName, notification.Id, attempt, attempts);
            }
        }

        return new SendOutcome(attempts, error);
    }

    private async Task ParkAsync(AlertNotification notification, string sinkName, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var earlier = await store.GetParkedAsync(notification.Id, sinkName, cancellationToken).ConfigureAwait(false);
        await store.ParkAsync(
            new ParkedDelivery(notification, sinkName, (earlier?.Attempts ?? 0) + outcome.Attempts, earlier?.FirstFailedAt ?? now, now, outcome.Error ?? "unknown error"),
            cancellationToken).ConfigureAwait(false);
        logger.LogError("Parked {AlertId} for sink {Sink} after {Attempts} attempts: {Error}. Re-send with `feedwatch alerts retry {AlertId}`",
            notification.Id, sinkName, outcome.Attempts, outcome.Error, notification.Id);
    }

    private sealed record SendOutcome(int Attempts, string? Error);
}
