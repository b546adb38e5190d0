using FeedWatch.Core.Alerts.Digests;
using FeedWatch.Core.Alerts.Noise;
using FeedWatch.Core.Alerts.Routing;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Alerts.Delivery;

/// <summary>
/// Routes an alert through its story's noise control to its sinks. Stories without noise control go straight to the
/// dispatcher; the others keep a small state blob (see <see cref="NoiseState"/>) updated with If-Match.
/// </summary>
public sealed class AlertDeliveryService(
    IStoryAlertSettingsProvider settings,
    AlertDispatcher dispatcher,
    AlertDeliveryStore store,
    TimeProvider time,
    ILogger<AlertDeliveryService> logger) : IAlertDelivery
{
    private const int MaxConflictRetries = 20;

    public async Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var route = settings.For(alert.StoryId);
        if (route.IsImmediate)
        {
            await dispatcher.DispatchAsync(AlertNotification.Single(alert), route.Sinks, cancellationToken).ConfigureAwait(false);
            return;
        }

        var admission = await UpdateNoiseAsync(alert.StoryId, state =>
        {
            var decision = NoisePolicy.Admit(route, state, alert, time.GetUtcNow());
            return (decision.State, decision);
        }, cancellationToken).ConfigureAwait(false);

        switch (admission.Kind)
        {
            case AdmissionKind.SendNow:
                await dispatcher.DispatchAsync(AlertNotification.Single(alert), route.Sinks, cancellationToken).ConfigureAwait(false);
                break;
            case AdmissionKind.Held:
                logger.LogInformation("Held {AlertId} of story {StoryId} ({Reason}) until {ReleaseAt}", alert.Id, alert.StoryId, admission.Reason, admission.ReleaseAt);
                break;
            default:
                logger.LogInformation("{AlertId} of story {StoryId} already went out in a digest", alert.Id, alert.StoryId);
                break;
        }

        await ReleaseDueAsync(alert.StoryId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ReleaseDueAsync(CancellationToken cancellationToken = default)
    {
        var released = 0;
        await foreach (var storyId in store.ListNoiseStoriesAsync(cancellationToken).ConfigureAwait(false))
        {
            // One story's failure (bad settings, a sink that throws) must not hold back the others' alerts.
            try
            {
                if (await ReleaseDueAsync(storyId, cancellationToken).ConfigureAwait(false)) released++;
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
            {
                // Storage faults still propagate (the caller retries the whole release); only the story's own bad settings are skipped.
                logger.LogError(ex, "Releasing held alerts of story {StoryId} failed (its alert settings are invalid); the other stories go on", storyId);
            }
        }

        return released;
    }

    /// <summary>Claims, sends and completes the story's due batch. True when one was sent.</summary>
    public async Task<bool> ReleaseDueAsync(string storyId, CancellationToken cancellationToken = default)
    {
        var route = settings.For(storyId);
        var batch = await UpdateNoiseAsync(storyId, state =>
        {
            var claimed = NoisePolicy.TryRelease(route, state, time.GetUtcNow(), out var next);
            return (next, claimed);
        }, cancellationToken).ConfigureAwait(false);
        if (batch is null) return false;

        var notification = ToNotification(batch);
        var result = await dispatcher.DispatchAsync(notification, route.Sinks, cancellationToken).ConfigureAwait(false);
        await UpdateNoiseAsync(storyId, state => (NoisePolicy.Complete(state, batch.MessageId), true), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Released {Count} held alerts of story {StoryId} as {MessageId} ({Reason}); parked on {ParkedCount} sinks",
            batch.Alerts.Count, storyId, batch.MessageId, batch.Reason, result.Parked.Count);
        return true;
    }

    private static AlertNotification ToNotification(HeldBatch batch)
    {
        if (batch.Alerts.Count == 1 && batch.MessageId == batch.Alerts[0].Id) return AlertNotification.Single(batch.Alerts[0]);
        var latest = batch.Alerts[^1];
        return AlertNotification.Batch(new AlertDigest
        {
            Id = batch.MessageId,
            StoryId = latest.StoryId,
            StoryTitle = latest.StoryTitle,
            PeriodStart = batch.PeriodStart,
            PeriodEnd = batch.ReleasedAt,
            Reason = batch.Reason,
            Alerts = batch.Alerts,
        });
    }

    // Optimistic concurrency: another worker may update the same story's state; re-read and re-decide on a conflict.
    private async Task<T> UpdateNoiseAsync<T>(string storyId, Func<NoiseState, (NoiseState Next, T Result)> decide, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxConflictRetries; round++)
        {
            var (state, etag) = await store.ReadNoiseAsync(storyId, cancellationToken).ConfigureAwait(false);
            var (next, result) = decide(state);
            if (ReferenceEquals(next, state)) return result;
            if (await store.TryWriteNoiseAsync(storyId, next, etag, cancellationToken).ConfigureAwait(false)) return result;
            logger.LogDebug("Noise state of story {StoryId} changed meanwhile; retrying", storyId);
        }

        throw new InvalidOperationException($"The noise-control state of story {storyId} kept changing under {MaxConflictRetries} attempts.");
    }
}
