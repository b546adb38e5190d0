using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Alerts.Configuration;

/// <summary>Optional: opens an Azure Storage queue from its own connection string (default: the Azure queue REST adapter).</summary>
public interface IStorageQueueConnector
{
    IMessageQueue Connect(string connectionString, string queueName);
}
