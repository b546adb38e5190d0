using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Azure.Storage.Queues;
using FeedWatch.Azure.Tests.Azurite;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Storage.Tests.Contracts;

namespace FeedWatch.Storage.Tests.Azure;

/// <summary>The queue contract against a real Azurite; fresh queues per test.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureMessageQueueContractTests(AzuriteFixture azurite) : MessageQueueContractTests, IAsyncLifetime
{
    protected override IQueueProvider OpenProvider() => new AzureQueueProvider(azurite.Connection);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        StorageConnection connection = azurite.Connection;
        await new QueueClient(connection, QueueName).DeleteIfExistsAsync();
        await new QueueClient(connection, QueueNames.Poison(QueueName)).DeleteIfExistsAsync();
    }
}
