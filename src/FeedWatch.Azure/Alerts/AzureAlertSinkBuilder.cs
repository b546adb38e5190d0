using Azure.Messaging.ServiceBus;
using FeedWatch.Alerts.Configuration;
using FeedWatch.Alerts.Queues;
using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Azure.Alerts;

/// <summary>
/// Builds the configured sinks that talk to Azure: <see cref="AlertSinkType.StorageQueue"/> (an Azure Storage queue
/// with its own connection string) and <see cref="AlertSinkType.ServiceBus"/> (a queue or topic).
/// </summary>
internal sealed class AzureAlertSinkBuilder : IAlertSinkBuilder
{
    public bool CanBuild(AlertSinkType type) => type is AlertSinkType.StorageQueue or AlertSinkType.ServiceBus;

    public IAlertSink Build(string name, AlertSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Type switch
        {
            AlertSinkType.StorageQueue => new QueueAlertSink(name, StorageQueue(name, options)),
            AlertSinkType.ServiceBus => new ServiceBusAlertSink(name, CreateSender(name, options)),
            _ => throw new ArgumentException($"Alert sink '{name}': {options.Type} is not an Azure sink type.", nameof(options)),
        };
    }

    private static IMessageQueue StorageQueue(string name, AlertSinkOptions options)
    {
        var connectionString = options.ConnectionString ?? throw AlertSinkFactory.Missing(name, "ConnectionString");
        return new AzureQueueProvider(StorageConnection.Parse(connectionString)).GetQueue(options.QueueName ?? QueueNames.Alerts);
    }

    private static ServiceBusSender CreateSender(string name, AlertSinkOptions options)
    {
        if (!string.IsNullOrEmpty(options.ConnectionString))
        {
            return ServiceBusSenderFactory.FromConnectionString(name, options.ConnectionString, options.EntityPath);
        }

        if (options.FullyQualifiedNamespace is null)
        {
            throw AlertSinkFactory.Missing(name, "ConnectionString or FullyQualifiedNamespace");
        }

        // Managed identity in Azure, developer credentials locally.
        return ServiceBusSenderFactory.FromNamespace(
            name, options.FullyQualifiedNamespace, options.EntityPath ?? throw AlertSinkFactory.Missing(name, "EntityPath"));
    }
}
