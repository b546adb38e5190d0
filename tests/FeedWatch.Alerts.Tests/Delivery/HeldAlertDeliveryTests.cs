using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Core.Alerts.Routing;

namespace FeedWatch.Alerts.Tests.Delivery;

/// <summary>Noise control wired into delivery: held alerts are durable, released once, and survive crashes.</summary>
public sealed class HeldAlertDeliveryTests
{
    private static StoryAlertSettings Digest(TimeSpan period) => new() { DigestPeriod = period };

    [Fact]
    public async Task Digest_holds_alerts_then_sends_one_message_listing_every_outlet()
    {
        using var rig = new DeliveryRig(Digest(TimeSpan.FromHours(1)));
        var alerts = new[] { SampleAlerts.Spread("one.example"), SampleAlerts.Spread("two.example"), SampleAlerts.Spread("three.example") };
        await rig.RecordAsync(alerts);

        foreach (var alert in alerts) await rig.HandleAsync(alert);
        Assert.Empty(rig.Sink("a").Received);
        Assert.All(alerts, a => Assert.NotNull(rig.OutboxEntryAsync(a).Result.DeliveredAt)); // held durably = handed over

        Assert.Equal(0, await rig.Delivery.ReleaseDueAsync());
        rig.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await rig.Delivery.ReleaseDueAsync());
        Assert.Equal(0, await rig.Delivery.ReleaseDueAsync());

        var digest = Assert.Single(rig.Sink("a").Digests);
        Assert.Equal(["one.example", "two.example", "three.example"], digest.Alerts.Select(a => a.Outlet));
        Assert.Single(rig.Sink("b").Digests);
    }

    [Fact]
    public async Task Crash_after_claiming_a_digest_resends_the_same_digest_id()
    {
        using var rig = new DeliveryRig(Digest(TimeSpan.FromMinutes(30)));
        var alerts = new[] { SampleAlerts.Spread("one.example"), SampleAlerts.Spread("two.example") };
        await rig.RecordAsync(alerts);
        foreach (var alert in alerts) await rig.HandleAsync(alert);
        rig.Clock.Advance(TimeSpan.FromHours(1));
        rig.Blobs.CrashOnce("put", n => n.StartsWith("alerts-delivery/sent/digest-", StringComparison.Ordinal) && n.EndsWith("/a.json", StringComparison.Ordinal));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.Delivery.ReleaseDueAsync());
        await rig.Delivery.ReleaseDueAsync();
        await rig.Delivery.ReleaseDueAsync();

        var ids = rig.Sink("a").Received.ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]); // same digest id: de-duplicable
        Assert.Equal([ids[0]], rig.Sink("b").Received);
    }

    [Fact]
    public async Task Crash_before_sending_a_claimed_digest_still_sends_it()
    {
        using var rig = new DeliveryRig(Digest(TimeSpan.FromMinutes(30)));
        var alert = SampleAlerts.Spread();
        await rig.RecordAsync(alert);
        await rig.HandleAsync(alert);
        rig.Clock.Advance(TimeSpan.FromHours(1));
        rig.Blobs.CrashOnce("get", n => n.StartsWith("alerts-delivery/sent/digest-", StringComparison.Ordinal));

        await Assert.ThrowsAsync<SimulatedCrashException>(() => rig.Delivery.ReleaseDueAsync());
        Assert.Empty(rig.Sink("a").Received);
        await rig.Delivery.ReleaseDueAsync();

        Assert.Single(rig.Sink("a").Digests);
        Assert.Single(rig.Sink("b").Digests);
    }

    [Fact]
    public async Task Concurrent_deliveries_to_one_story_lose_no_held_alert()
    {
        using var rig = new DeliveryRig(Digest(TimeSpan.FromMinutes(10)));
        var alerts = Enumerable.Range(1, 12).Select(i => SampleAlerts.Spread($"outlet{i}.example")).ToArray();

        await Task.WhenAll(alerts.Select(a => Task.Run(() => rig.Delivery.DeliverAsync(a))));
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        await rig.Delivery.ReleaseDueAsync();

        var digest = Assert.Single(rig.Sink("a").Digests);
        Assert.Equal(alerts.Select(a => a.Outlet).Order(), digest.Alerts.Select(a => a.Outlet).Order());
    }

    [Fact]
    public async Task Rate_limited_story_sends_the_first_alerts_and_holds_the_rest()
    {
        using var rig = new DeliveryRig(new StoryAlertSettings { RateLimit = new RateLimit { MaxMessages = 2, Per = TimeSpan.FromHours(1) } });
        var alerts = Enumerable.Range(1, 4).Select(i => SampleAlerts.Spread($"outlet{i}.example")).ToArray();
        await rig.RecordAsync(alerts);

        foreach (var alert in alerts) await rig.HandleAsync(alert);
        Assert.Equal(alerts.Take(2).Select(a => a.Id), rig.Sink("a").Received);

        rig.Clock.Advance(TimeSpan.FromHours(1));
        await rig.Delivery.ReleaseDueAsync();
        var digest = Assert.Single(rig.Sink("a").Digests);
        Assert.Equal(["outlet3.example", "outlet4.example"], digest.Alerts.Select(a => a.Outlet));
        Assert.Equal("rateLimit", digest.Reason);
    }
}
