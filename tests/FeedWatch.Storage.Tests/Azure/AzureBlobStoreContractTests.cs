using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Azure.Tests.Azurite;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Storage.Tests.Contracts;

namespace FeedWatch.Storage.Tests.Azure;

/// <summary>The blob contract against a real Azurite; a fresh container per test.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreContractTests(AzuriteFixture azurite) : BlobStoreContractTests, IAsyncLifetime
{
    private readonly string containerName = "fw-test-" + Guid.NewGuid().ToString("N")[..16];

    // Every handle is its own client and pipeline, as a second process would have.
    protected override IBlobStore OpenStore() => new AzureBlobStore(azurite.Connection.GetBlobContainerClient(containerName));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => azurite.Connection.GetBlobContainerClient(containerName).DeleteIfExistsAsync();
}
