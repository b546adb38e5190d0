using FeedWatch.Alerts;
using FeedWatch.Alerts.Configuration;
using FeedWatch.Alerts.Queues;
using FeedWatch.Azure.Alerts;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Storage.Local.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Azure.Tests.Alerts;

/// <summary>The "ServiceBus" and "StorageQueue" sink types, configured as users do, once the Azure alert sinks are registered.</summary>
public sealed class AzureAlertSinksCompositionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("feedwatch-azure-alerts-").FullName;

    [Fact]
    public async Task Configured_service_bus_and_storage_queue_sinks_are_built_by_the_azure_builder()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FeedWatch:Alerts:Sinks:bus:Type"] = "ServiceBus",
            ["FeedWatch:Alerts:Sinks:bus:ConnectionString"] =
                "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=k;EntityPath=feedwatch-alerts",
            ["FeedWatch:Alerts:Sinks:partners:Type"] = "StorageQueue",
            ["FeedWatch:Alerts:Sinks:partners:ConnectionString"] = "UseDevelopmentStorage=true",
            ["FeedWatch:Alerts:Sinks:partners:QueueName"] = "partner-alerts",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IBlobStore>(new LocalBlobStore(Path.Combine(folder, "blobs")));
        services.AddAzureAlertSinks();
        services.AddFeedWatchAlerts(configuration, runReleaseWorker: false);
        await using var provider = services.BuildServiceProvider();

        var sinks = provider.GetRequiredService<ConfiguredAlertSinks>().Sinks;

        var bus = Assert.IsType<ServiceBusAlertSink>(Assert.Single(sinks, s => s.Name == "bus"));
        Assert.Equal("feedwatch-alerts", bus.Sender.EntityPath);
        Assert.IsType<QueueAlertSink>(Assert.Single(sinks, s => s.Name == "partners"));
        await bus.Sender.DisposeAsync();
    }

    [Fact]
    public void The_builder_refuses_a_service_bus_sink_without_a_connection_or_namespace()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new AlertSinkFactory(null, TimeProvider.System, [new AzureAlertSinkBuilder()])
                .Create("bus", new AlertSinkOptions { Type = AlertSinkType.ServiceBus }));

        Assert.Contains("FeedWatch:Alerts:Sinks:bus", error.Message, StringComparison.Ordinal);
        Assert.Contains("FullyQualifiedNamespace", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
