using System.Text.Json;
using Azure.Messaging.ServiceBus;
using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Azure.Alerts;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Azure.Tests.Alerts;

/// <summary>What the Service Bus sink hands the SDK's <see cref="ServiceBusSender"/>, and how it answers the SDK's exceptions.</summary>
public sealed class ServiceBusAlertSinkTests
{
    [Fact]
    public async Task Alert_is_sent_with_its_id_subject_correlation_and_filterable_properties()
    {
        var sender = new RecordingServiceBusSender();
        var alert = SampleAlerts.Spread();

        await new ServiceBusAlertSink("bus", sender).DeliverAsync(alert);

        var message = Assert.Single(Assert.Single(sender.SentBatches));
        Assert.Equal(alert.Id, message.MessageId);
        Assert.Equal("feedwatch.story.spread", message.Subject);
        Assert.Equal("story-ferry", message.CorrelationId);
        Assert.Equal("application/cloudevents+json; charset=utf-8", message.ContentType);
        var properties = message.ApplicationProperties;
        Assert.Equal("feedwatch.story.spread", properties["eventType"]);
        Assert.Equal("story-ferry", properties["storyId"]);
        Assert.Equal("harbourgazette.example", properties["outlet"]);
        Assert.Equal("rewrite", properties["relation"]);
        Assert.Equal(0.8132, properties["score"]);
        Assert.Equal(2, properties["outletCount"]);
        Assert.Equal("coastalherald.example", properties["originOutlet"]);
        Assert.Equal(7, properties.Count);
        using var body = JsonDocument.Parse(message.Body.ToString());
        Assert.Equal(alert.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal(alert.StoryTitle, body.RootElement.GetProperty("data").GetProperty("storyTitle").GetString());
    }

    [Fact]
    public async Task Digest_carries_its_outlets_count_and_reason()
    {
        var sender = new RecordingServiceBusSender();
        var alerts = new[] { SampleAlerts.Spread("harbourgazette.example"), SampleAlerts.Spread("islandpost.example") };
        var digest = new AlertDigest
        {
            Id = AlertIds.ForDigest("story-ferry", alerts.Select(a => a.Id)),
            StoryId = "story-ferry",
            StoryTitle = alerts[0].StoryTitle,
            PeriodStart = SampleAlerts.Origin,
            PeriodEnd = SampleAlerts.Origin.AddHours(1),
            Reason = "digest",
            Alerts = alerts,
        };

        await new ServiceBusAlertSink("bus", sender).DeliverDigestAsync(digest);

        var message = Assert.Single(sender.AllSent);
        Assert.Equal(digest.Id, message.MessageId);
        Assert.Equal("feedwatch.story.digest", message.Subject);
        Assert.Equal("harbourgazette.example,islandpost.example", message.ApplicationProperties["outlet"]);
        Assert.Equal(2, message.ApplicationProperties["alertCount"]);
        Assert.Equal("digest", message.ApplicationProperties["digestReason"]);
        Assert.False(message.ApplicationProperties.ContainsKey("relation"));
    }

    [Fact]
    public async Task Redelivery_sends_the_same_message_id_for_duplicate_detection()
    {
        var sender = new RecordingServiceBusSender();
        var sink = new ServiceBusAlertSink("bus", sender);

        await sink.DeliverAsync(SampleAlerts.Spread());
        await sink.DeliverAsync(SampleAlerts.Spread());

        var ids = sender.AllSent.Select(m => m.MessageId).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task Many_alerts_go_in_as_few_batches_as_the_size_limit_allows_in_order()
    {
        var one = ServiceBusAlertSink.CreateMessage(AlertNotification.Single(SampleAlerts.Spread("outlet-0.example"))).Body.ToMemory().Length + 512;
        var sender = new RecordingServiceBusSender(maxBatchBytes: one * 3); // three messages per batch
        var alerts = Enumerable.Range(0, 7).Select(i => SampleAlerts.Spread($"outlet-{i}.example")).ToList();

        await new ServiceBusAlertSink("bus", sender).SendAsync(alerts.Select(AlertNotification.Single).ToList());

        Assert.Equal([3, 3, 1], sender.SentBatches.Select(b => b.Count));
        Assert.Equal(alerts.Select(a => a.Id), sender.AllSent.Select(m => m.MessageId));
    }

    [Fact]
    public async Task A_message_larger_than_the_entity_allows_is_a_clear_error_and_nothing_is_sent()
    {
        var sender = new RecordingServiceBusSender(maxBatchBytes: 600);

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => new ServiceBusAlertSink("bus", sender).DeliverAsync(SampleAlerts.Spread()));

        Assert.Contains("does not fit", error.Message, StringComparison.Ordinal);
        Assert.Contains("feedwatch-alerts", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sender.SendAttempts);
    }

    [Theory]
    [InlineData(ServiceBusFailureReason.ServiceBusy)]
    [InlineData(ServiceBusFailureReason.ServiceTimeout)]
    [InlineData(ServiceBusFailureReason.ServiceCommunicationProblem)]
    public async Task Transient_faults_surface_unchanged_so_the_dispatcher_tries_again(ServiceBusFailureReason reason)
    {
        var transient = new ServiceBusException(isTransient: true, "broker busy", "feedwatch-alerts", reason);
        var sender = new RecordingServiceBusSender { Fail = n => n == 1 ? transient : null };
        var sink = new ServiceBusAlertSink("bus", sender);

        var error = await Assert.ThrowsAsync<ServiceBusException>(() => sink.DeliverAsync(SampleAlerts.Spread()));
        Assert.Same(transient, error);
        Assert.Empty(sender.SentBatches);

        await sink.DeliverAsync(SampleAlerts.Spread());
        Assert.Single(sender.AllSent);
    }

    [Theory]
    [InlineData(ServiceBusFailureReason.MessagingEntityNotFound)]
    [InlineData(ServiceBusFailureReason.MessageSizeExceeded)]
    [InlineData(ServiceBusFailureReason.QuotaExceeded)]
    public async Task Faults_retrying_cannot_fix_name_the_sink_entity_and_reason(ServiceBusFailureReason reason)
    {
        var permanent = new ServiceBusException(isTransient: false, "refused", "feedwatch-alerts", reason);
        var sender = new RecordingServiceBusSender { Fail = _ => permanent };

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => new ServiceBusAlertSink("bus", sender).DeliverAsync(SampleAlerts.Spread()));

        Assert.Same(permanent, error.InnerException);
        Assert.Contains("'bus'", error.Message, StringComparison.Ordinal);
        Assert.Contains("feedwatch-alerts", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(1, sender.SendAttempts);
    }
}
