using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Alerts.Configuration;

/// <summary>Opens an Azure Storage queue from its own connection string; registered by the Azure Storage adapter.</summary>
public interface IStorageQueueConnector
{
    IMessageQueue Connect(string connectionString, string queueName);
}
