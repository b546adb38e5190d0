using System.Text.Json;
using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Storage.Local.Blobs;
using FeedWatch.Storage.Local.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Alerts.Tests.Configuration;

public sealed class AlertsCompositionTests : IDisposable
{
    private readonly TempFolder folder = new();

    private ServiceProvider Build(Dictionary<string, string?> settings, params IAlertSink[] registered)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IBlobStore>(new LocalBlobStore(Path.Combine(folder.Path, "blobs")));
        services.AddSingleton<IQueueProvider>(new LocalQueueProvider(Path.Combine(folder.Path, "queues")));
        foreach (var sink in registered) services.AddSingleton(sink);
        services.AddFeedWatchAlerts(configuration, runReleaseWorker: false);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Story_routes_and_noise_controls_bind_from_configuration()
    {
        using var provider = Build(new()
        {
            ["FeedWatch:Alerts:Sinks:slack:Type"] = "Slack",
            ["FeedWatch:Alerts:Sinks:slack:Url"] = "https://hooks.slack.example/services/T0/B0/x",
            ["FeedWatch:Alerts:Sinks:hook:Type"] = "Webhook",
            ["FeedWatch:Alerts:Sinks:hook:Url"] = "https://alerts.example/feedwatch",
            ["FeedWatch:Alerts:Default:Sinks:0"] = "hook",
            ["FeedWatch:Alerts:Stories:story-ferry:Sinks:0"] = "slack",
            ["FeedWatch:Alerts:Stories:story-ferry:RateLimit:MaxMessages"] = "3",
            ["FeedWatch:Alerts:Stories:story-ferry:RateLimit:Per"] = "02:00:00",
            ["FeedWatch:Alerts:Stories:story-ferry:QuietHours:Start"] = "22:00",
            ["FeedWatch:Alerts:Stories:story-ferry:QuietHours:End"] = "07:00",
            ["FeedWatch:Alerts:Stories:story-ferry:QuietHours:TimeZone"] = "Europe/Berlin",
            ["FeedWatch:Alerts:Stories:story-ferry:DigestPeriod"] = "00:30:00",
        });

        var settings = provider.GetRequiredService<IStoryAlertSettingsProvider>();
        var ferry = settings.For("story-ferry");

        Assert.Equal(["slack"], ferry.Sinks);
        Assert.Equal((3, TimeSpan.FromHours(2)), (ferry.RateLimit!.MaxMessages, ferry.RateLimit.Per));
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(7, 0), "Europe/Berlin"), (ferry.QuietHours!.Start, ferry.QuietHours.End, ferry.QuietHours.TimeZone));
        Assert.Equal(TimeSpan.FromMinutes(30), ferry.DigestPeriod);
        Assert.Equal(["hook"], settings.For("another-story").Sinks);
        Assert.True(settings.For("another-story").IsImmediate);
        Assert.Equal(["hook", "slack"], provider.GetRequiredService<AlertDispatcher>().SinkNames.Order());
    }

    [Theory]
    [InlineData("ServiceBus")]
    [InlineData("StorageQueue")]
    public void An_azure_sink_type_without_the_azure_sinks_registered_fails_naming_the_sink(string type)
    {
        using var provider = Build(new()
        {
            ["FeedWatch:Alerts:Sinks:bus:Type"] = type,
            ["FeedWatch:Alerts:Sinks:bus:ConnectionString"] = "UseDevelopmentStorage=true",
        });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<AlertDispatcher>());
        Assert.Contains("'bus'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddAzureAlertSinks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_default_route_every_available_sink_is_used()
    {
        using var provider = Build(new()
        {
            ["FeedWatch:Alerts:Sinks:hook:Type"] = "Webhook",
            ["FeedWatch:Alerts:Sinks:hook:Url"] = "https://alerts.example/feedwatch",
        }, new RecordingSink("queue"));

        Assert.Equal(["hook", "queue"], provider.GetRequiredService<IStoryAlertSettingsProvider>().For("any").Sinks.Order());
    }

    [Fact]
    public void A_route_naming_an_unconfigured_sink_fails_at_start_up()
    {
        using var provider = Build(new() { ["FeedWatch:Alerts:Stories:s1:Sinks:0"] = "pager" }, new RecordingSink("queue"));

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStoryAlertSettingsProvider>());

        Assert.Contains("pager", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sink_without_its_url_fails_with_the_setting_to_fix()
    {
        using var provider = Build(new() { ["FeedWatch:Alerts:Sinks:teams:Type"] = "Teams" });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<AlertDispatcher>());

        Assert.Contains("FeedWatch:Alerts:Sinks:teams", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_alert_handler_goes_through_routing_to_a_configured_queue_sink()
    {
        using var provider = Build(new()
        {
            ["FeedWatch:Alerts:Sinks:analysts:Type"] = "Queue",
            ["FeedWatch:Alerts:Sinks:analysts:QueueName"] = "analyst-alerts",
        });
        var alert = SampleAlerts.Spread();
        using var rig = new DeliveryRig();
        await rig.RecordAsync(alert);
        // Put the recorded story into this provider's store, then let the registered handler deliver it.
        var story = (await rig.Blobs.GetAsync("stories/" + alert.StoryId + ".json"))!;
        await provider.GetRequiredService<IBlobStore>().PutAsync("stories/" + alert.StoryId + ".json", story.Content, BlobPutOptions.Json());

        using var scope = provider.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IStageHandler<DeliverAlertMessage>>().HandleAsync(new DeliverAlertMessage(alert.Id, alert.StoryId));

        var message = Assert.Single(await provider.GetRequiredService<IQueueProvider>().GetQueue("analyst-alerts").PeekAsync(10));
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal(alert.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("feedwatch.story.spread", body.RootElement.GetProperty("type").GetString());
        Assert.True(await provider.GetRequiredService<AlertDeliveryStore>().HasReceiptAsync(alert.Id, "analysts"));
    }

    public void Dispose() => folder.Dispose();
}
