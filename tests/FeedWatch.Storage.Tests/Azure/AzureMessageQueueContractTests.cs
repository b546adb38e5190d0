using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Adapters;
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
        await connection.GetQueueClient(QueueName).DeleteIfExistsAsync();
        await connection.GetQueueClient(QueueNames.Poison(QueueName)).DeleteIfExistsAsync();
    }
}
