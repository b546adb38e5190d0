using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Delivery;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Stories;
using FeedWatch.Storage.Local.Blobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Alerts.Tests.Support;

/// <summary>
/// The real delivery chain on the real embedded blob store: the pipeline's DeliverAlertHandler → RoutedAlertSink →
/// AlertDeliveryService → AlertDispatcher → recording sinks, with a crash-injecting wrapper around the store.
/// </summary>
public sealed class DeliveryRig : IDisposable
{
    private readonly TempFolder folder = new();

    public DeliveryRig(StoryAlertSettings? settings = null, int maxAttempts = 3, params string[] sinkNames)
    {
        Blobs = new CrashingBlobStore(new LocalBlobStore(folder.Path));
        Clock = new ManualClock(SampleAlerts.Origin.AddHours(3));
        Sinks = [.. (sinkNames.Length == 0 ? ["a", "b"] : sinkNames).Select(n => new RecordingSink(n))];
        var route = settings ?? new StoryAlertSettings();
        if (route.Sinks.Count == 0) route = new StoryAlertSettings { Sinks = [.. Sinks.Select(s => s.Name)], RateLimit = route.RateLimit, QuietHours = route.QuietHours, DigestPeriod = route.DigestPeriod };
        Store = new AlertDeliveryStore(Blobs);
        Dispatcher = new AlertDispatcher(Sinks, Store, new DeliveryRetryOptions { MaxAttempts = maxAttempts, InitialBackoff = TimeSpan.Zero }, Clock, NullLogger<AlertDispatcher>.Instance);
        Delivery = new AlertDeliveryService(new ConfiguredStoryAlertSettings(new AlertRoutingOptions { Default = route }), Dispatcher, Store, Clock, NullLogger<AlertDeliveryService>.Instance);
        Handler = new DeliverAlertHandler(Blobs, [new RoutedAlertSink(Delivery)], Clock, NullLogger<DeliverAlertHandler>.Instance);
    }

    public CrashingBlobStore Blobs { get; }
    public ManualClock Clock { get; }
    public List<RecordingSink> Sinks { get; }
    public AlertDeliveryStore Store { get; }
    public AlertDispatcher Dispatcher { get; }
    public AlertDeliveryService Delivery { get; }
    public DeliverAlertHandler Handler { get; }

    public RecordingSink Sink(string name) => Sinks.Single(s => s.Name == name);

    /// <summary>Step 1 of the outbox, as classify does it: the story document carrying the alert in its outbox.</summary>
    public async Task RecordAsync(params SpreadAlert[] alerts)
    {
        var first = alerts[0];
        var story = new StoryDocument
        {
            Id = first.StoryId,
            Title = first.StoryTitle,
            Tracked = true,
            CreatedAt = SampleAlerts.Origin,
            UpdatedAt = Clock.GetUtcNow(),
            OriginOutlet = first.OriginOutlet,
            Outbox = [.. alerts.Select(a => new OutboxEntry { Alert = a, RecordedAt = Clock.GetUtcNow() })],
            Profile = new StoryProfile { StoryId = first.StoryId },
        };
        var written = await Blobs.PutJsonAsync(BlobLayout.Story(first.StoryId), story, createOnly: true, ifMatch: null, CancellationToken.None);
        Assert.True(written.Written);
    }

    /// <summary>One dequeue of the deliver-alert message (a crash surfaces as the exception the queue would see).</summary>
    public Task HandleAsync(SpreadAlert alert) => Handler.HandleAsync(new DeliverAlertMessage(alert.Id, alert.StoryId));

    public async Task<OutboxEntry> OutboxEntryAsync(SpreadAlert alert)
    {
        var story = await Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(alert.StoryId), CancellationToken.None);
        return story!.Value.Outbox.Single(e => e.Alert.Id == alert.Id);
    }

    public void Dispose() => folder.Dispose();
}
