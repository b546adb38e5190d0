using System.Collections.Concurrent;
using Azure.Storage.Queues;
using FeedWatch.Azure.Common;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Azure.Storage.Adapters;

/// <summary><see cref="IQueueProvider"/> over one storage account's Queue service; one SDK client per queue name.</summary>
public sealed class AzureQueueProvider(StorageConnection connection, QueueClientOptions? options = null) : IQueueProvider
{
    private readonly ConcurrentDictionary<string, AzureMessageQueue> queues = new(StringComparer.Ordinal);

    public IMessageQueue GetQueue(string name)
    {
        QueueNameRules.Validate(name);
        return queues.GetOrAdd(name, n => new AzureMessageQueue(connection.GetQueueClient(n, options)));
    }
}
