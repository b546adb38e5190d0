using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Pipeline.Blobs;

namespace FeedWatch.Alerts.Tests.Delivery;

/// <summary>
/// The outbox is recorded → delivered (per sink, with a receipt) → marked. A crash is injected before each step;
/// the queue then redelivers the deliver-alert message. Every sink must end up with the alert, under the same id,
/// and the outbox entry must end up marked — never a lost alert.
/// </summary>
public sealed class OutboxCrashTests
{
    [Fact]
    public async Task Without_a_crash_each_sink_gets_the_alert_once_and_the_outbox_is_marked()
    {
        using var rig = new DeliveryRig();
        var alert = SampleAlerts.Spread();
        await rig.RecordAsync(alert);

        await rig.HandleAsync(alert);
        await rig.HandleAsync(alert); // a duplicate queue message

        Assert.Equal([alert.Id], rig.Sink("a").Received);
        Assert.Equal([alert.Id], rig.Sink("b").Received);
        var entry = await rig.OutboxEntryAsync(alert);
        Assert.NotNull(entry.DeliveredAt);
        Assert.True(await rig.Store.HasReceiptAsync(alert.Id, "a"));
        Assert.NotNull(await rig.Blobs.GetAsync(BlobLayout.Alert(alert.DetectedAt, alert.Id)));
    }

    [Fact]
    public async Task Crash_before_anything_was_delivered_delivers_once_on_redelivery()
    {
        using var rig = new DeliveryRig();
        var alert = SampleAlerts.Spread();
        await rig.RecordAsync(alert);
        rig.Blobs.CrashOnce("put", n => n.StartsWith("alerts/", StringComparison.Ordinal));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.HandleAsync(alert));
        Assert.Empty(rig.Sink("a").Received);
        await rig.HandleAsync(alert);

        Assert.Equal([alert.Id], rig.Sink("a").Received);
        Assert.Equal([alert.Id], rig.Sink("b").Received);
        Assert.NotNull((await rig.OutboxEntryAsync(alert)).DeliveredAt);
    }

    [Fact]
    public async Task Crash_after_a_sink_accepted_but_before_its_receipt_redelivers_with_the_same_id()
    {
        using var rig = new DeliveryRig();
        var alert = SampleAlerts.Spread();
        await rig.RecordAsync(alert);
        rig.Blobs.CrashOnce("put", n => n == $"alerts-delivery/sent/{alert.Id}/a.json");

        // The pipeline's handler reports the routed sink's failure to the queue, which redelivers the message.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => rig.HandleAsync(alert));
        Assert.Contains("crash before put", failure.Message, StringComparison.Ordinal);
        Assert.True(rig.Blobs.Crashed);
        Assert.Null((await rig.OutboxEntryAsync(alert)).DeliveredAt);
        await rig.HandleAsync(alert);

        // At-least-once at the sink, with one id: consumers (and Service Bus duplicate detection) drop the repeat.
        Assert.Equal([alert.Id, alert.Id], rig.Sink("a").Received);
        Assert.Equal([alert.Id], rig.Sink("b").Received);
        Assert.NotNull((await rig.OutboxEntryAsync(alert)).DeliveredAt);
    }

    [Fact]
    public async Task Crash_after_delivery_but_before_the_outbox_mark_sends_nothing_twice()
    {
        using var rig = new DeliveryRig();
        var alert = SampleAlerts.Spread();
        await rig.RecordAsync(alert);
        rig.Blobs.CrashOnce("put", n => n == BlobLayout.Story(alert.StoryId));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.HandleAsync(alert));
        Assert.Null((await rig.OutboxEntryAsync(alert)).DeliveredAt);
        await rig.HandleAsync(alert);

        Assert.Equal([alert.Id], rig.Sink("a").Received);
        Assert.Equal([alert.Id], rig.Sink("b").Received);
        Assert.NotNull((await rig.OutboxEntryAsync(alert)).DeliveredAt);
    }

    [Fact]
    public async Task A_sink_that_keeps_failing_is_retried_then_parked_and_does_not_hold_up_the_others()
    {
        using var rig = new DeliveryRig(maxAttempts: 3);
        var alert = SampleAlerts.Spread();
        await rig.RecordAsync(alert);
        rig.Sink("a").FailuresLeft = -1;

        await rig.HandleAsync(alert);

        Assert.Equal(3, rig.Sink("a").Calls);
        Assert.Equal([alert.Id], rig.Sink("b").Received);
        Assert.NotNull((await rig.OutboxEntryAsync(alert)).DeliveredAt); // handed over: parked is kept, not lost
        var parked = Assert.Single(await rig.Store.ListParkedAsync().ToListAsync());
        Assert.Equal((alert.Id, "a", 3), (parked.Id, parked.Sink, parked.Attempts));
        Assert.Contains("a is down", parked.LastError, StringComparison.Ordinal);
        Assert.Equal(alert.Id, parked.Notification.Alert!.Id);
        Assert.Equal(alert.Passages, parked.Notification.Alert.Passages); // the whole alert is kept for the retry
    }

    [Fact]
    public async Task Retrying_a_parked_delivery_sends_it_once_the_sink_is_back()
    {
        using var rig = new DeliveryRig(maxAttempts: 2);
        var alert = SampleAlerts.Spread();
        await rig.RecordAsync(alert);
        rig.Sink("a").FailuresLeft = -1;
        await rig.HandleAsync(alert);
        var parked = Assert.Single(await rig.Store.ListParkedAsync(alert.Id).ToListAsync());

        Assert.False(await rig.Dispatcher.RetryParkedAsync(parked)); // still down: stays parked, attempts add up
        Assert.Equal(4, Assert.Single(await rig.Store.ListParkedAsync().ToListAsync()).Attempts);
        rig.Sink("a").FailuresLeft = 0;
        Assert.True(await rig.Dispatcher.RetryParkedAsync(parked));

        Assert.Equal([alert.Id], rig.Sink("a").Received);
        Assert.Empty(await rig.Store.ListParkedAsync().ToListAsync());
        Assert.True(await rig.Store.HasReceiptAsync(alert.Id, "a"));
        await rig.HandleAsync(alert);
        Assert.Equal([alert.Id], rig.Sink("a").Received);
    }

    [Fact]
    public async Task Crash_between_the_retry_receipt_and_unparking_does_not_resend()
    {
        using var rig = new DeliveryRig(maxAttempts: 1);
        var alert = SampleAlerts.Spread();
        await rig.RecordAsync(alert);
        rig.Sink("a").FailuresLeft = 1;
        await rig.HandleAsync(alert);
        var parked = Assert.Single(await rig.Store.ListParkedAsync().ToListAsync());
        rig.Blobs.CrashOnce("delete", n => n.StartsWith("alerts-delivery/parked/", StringComparison.Ordinal));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.Dispatcher.RetryParkedAsync(parked));
        Assert.True(await rig.Dispatcher.RetryParkedAsync(parked));

        Assert.Equal([alert.Id], rig.Sink("a").Received);
        Assert.Empty(await rig.Store.ListParkedAsync().ToListAsync());
    }

    [Fact]
    public async Task A_route_naming_an_unknown_sink_parks_instead_of_dropping()
    {
        using var rig = new DeliveryRig(new Core.Alerts.Routing.StoryAlertSettings { Sinks = ["a", "pager"] });
        var alert = SampleAlerts.Spread();
        await rig.RecordAsync(alert);

        await rig.HandleAsync(alert);

        var parked = Assert.Single(await rig.Store.ListParkedAsync().ToListAsync());
        Assert.Equal("pager", parked.Sink);
        Assert.Contains("No alert sink named 'pager'", parked.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_grows_exponentially_and_is_capped()
    {
        var options = new DeliveryRetryOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(5) };
        var random = new Random(7);

        var waits = Enumerable.Range(1, 6).Select(a => options.BackoffBefore(a, random).TotalSeconds).ToList();

        Assert.Equal(0, waits[0]);
        Assert.InRange(waits[1], 0.8, 1.2);
        Assert.InRange(waits[2], 1.6, 2.4);
        Assert.InRange(waits[3], 3.2, 4.8);
        Assert.InRange(waits[5], 4.0, 6.0);
    }
}
