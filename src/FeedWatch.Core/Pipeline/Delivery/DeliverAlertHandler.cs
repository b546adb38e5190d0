using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Pipeline.Delivery;

/// <summary>
/// Delivers an alert from a story's outbox: writes alerts/{yyyy}/{MM}/{dd}/{id}.json (create-only), hands the
/// alert to every sink not yet marked as done, then records the sinks that succeeded in the outbox entry with
/// a compare-and-swap. A failing sink throws after the others were tried, so only it is retried. Delivery is
/// at-least-once: a crash between a sink's success and the mark re-sends to that sink, and sinks dedupe by alert id.
/// When an <see cref="IAlertDelivery"/> is registered (routing, noise control, receipts and parking from the alerts
/// module) the alert is handed to it instead, and the outbox entry is marked once it returns.
/// </summary>
public sealed class DeliverAlertHandler(
    IBlobStore blobs,
    IEnumerable<IAlertSink> sinks,
    TimeProvider time,
    ILogger<DeliverAlertHandler> logger,
    IAlertDelivery? delivery = null) : IStageHandler<DeliverAlertMessage>
{
    private const string DispatcherName = "alert-delivery";
    private readonly IReadOnlyList<IAlertSink> _sinks = sinks.ToList();

    public async Task HandleAsync(DeliverAlertMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var span = FeedWatchTracing.StartStage(FeedWatchTracing.DeliverAlert, FeedWatchTracing.DeliverAlertSpan, message.TraceParent);
        span?.SetTag(TelemetryTags.AlertId, message.AlertId);
        span?.SetTag(TelemetryTags.StoryId, message.StoryId);
        var storyName = BlobLayout.Story(message.StoryId);
        var story = await blobs.GetJsonAsync<StoryDocument>(storyName, cancellationToken).ConfigureAwait(false);
        var entry = story?.Value.Outbox.FirstOrDefault(e => e.Alert.Id == message.AlertId);
        if (story is null || entry is null)
        {
            span.SetOutcome("not_in_outbox");
            logger.LogWarning("Alert {AlertId} of story {StoryId} is not in any outbox; nothing to deliver", message.AlertId, message.StoryId);
            return;
        }

        if (entry.DeliveredAt is not null)
        {
            span.SetOutcome("already_delivered");
            return;
        }

        var alert = entry.Alert;
        span?.SetTag(TelemetryTags.Outlet, alert.Outlet);
        span?.SetTag(TelemetryTags.ArticleId, alert.ArticleId);
        var alertBlob = BlobLayout.Alert(alert.DetectedAt, alert.Id);
        await blobs.PutJsonAsync(alertBlob, AlertEnvelope.For(alert), createOnly: true, ifMatch: null, cancellationToken).ConfigureAwait(false);

        var succeeded = new List<string>();
        var failures = new List<string>();
        if (delivery is not null)
        {
            // Throws when it could not make the alert safe (then the queue retries); parked or held counts as done.
            await delivery.DeliverAsync(alert, cancellationToken).ConfigureAwait(false);
            succeeded.Add(DispatcherName);
        }

        foreach (var sink in delivery is not null ? [] : _sinks.Where(s => !entry.DeliveredTo.Contains(s.Name, StringComparer.Ordinal)))
        {
            try
            {
                await sink.DeliverAsync(alert, cancellationToken).ConfigureAwait(false);
                succeeded.Add(sink.Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Sink {Sink} failed to deliver alert {AlertId}", sink.Name, alert.Id);
                failures.Add($"{sink.Name}: {ex.Message}");
            }
        }

        await RecordAsync(storyName, story, alert.Id, alertBlob, succeeded, failures, cancellationToken).ConfigureAwait(false);
        if (failures.Count > 0)
        {
            span.SetOutcome("failed", failed: true);
            throw new AlertDeliveryException($"Alert {alert.Id}: {failures.Count} sink(s) failed: {string.Join("; ", failures)}");
        }

        FeedWatchMetrics.RecordAlertLatency(alert.ArticlePublished, time.GetUtcNow());
        span?.SetTag(TelemetryTags.Sink, string.Join(",", succeeded));
        span.SetOutcome("delivered");
        logger.LogInformation(
            "Delivered alert {AlertId}: story {StoryId} reached {Outlet} ({Relation}, score {Score:0.00}) via {Sinks}",
            alert.Id, alert.StoryId, alert.Outlet, alert.Relation, alert.Score, string.Join(", ", succeeded));
    }

    private async Task RecordAsync(
        string storyName, StoredDocument<StoryDocument> story, string alertId, string alertBlob,
        List<string> succeeded, List<string> failures, CancellationToken cancellationToken)
    {
        var current = story;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var now = time.GetUtcNow();
            var outbox = current.Value.Outbox.Select(e => e.Alert.Id != alertId ? e : Mark(e, alertBlob, succeeded, failures, now)).ToList();
            var result = await blobs.PutJsonAsync(storyName, current.Value with { Outbox = outbox }, createOnly: false, ifMatch: current.ETag, cancellationToken).ConfigureAwait(false);
            if (result.Written)
            {
                return;
            }

            current = await blobs.GetJsonAsync<StoryDocument>(storyName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Story {storyName} disappeared during alert delivery.");
        }

        throw new InvalidOperationException($"Story {storyName} kept changing; delivery of {alertId} will be retried.");
    }

    private OutboxEntry Mark(OutboxEntry entry, string alertBlob, List<string> succeeded, List<string> failures, DateTimeOffset now)
    {
        var delivered = entry.DeliveredTo.Union(succeeded, StringComparer.Ordinal).ToList();
        var allDone = delivery is not null
            ? delivered.Contains(DispatcherName, StringComparer.Ordinal)
            : _sinks.All(s => delivered.Contains(s.Name, StringComparer.Ordinal));
        return entry with
        {
            AlertBlob = alertBlob,
            DeliveredTo = delivered,
            DeliveredAt = allDone ? now : null,
            Attempts = entry.Attempts + 1,
            LastError = failures.Count == 0 ? null : string.Join("; ", failures),
        };
    }
}
