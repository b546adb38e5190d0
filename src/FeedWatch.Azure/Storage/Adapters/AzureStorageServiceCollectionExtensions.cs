using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FeedWatch.Azure.Common;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Azure.Storage.Adapters;

/// <summary>
/// Registers Azure Storage (the SDK's Blob and Queue clients) as the blob store and queue provider, replacing the
/// embedded default if registered. A <see cref="BlobClientOptions"/> or <see cref="QueueClientOptions"/> singleton
/// replaces <see cref="StorageClientDefaults"/> (tests shorten the retries that way).
/// </summary>
public static class AzureStorageServiceCollectionExtensions
{
    /// <summary>The container FeedWatch keeps its blob layout in.</summary>
    public const string DefaultContainerName = "feedwatch";

    public static IServiceCollection AddAzureStorage(this IServiceCollection services, string connectionString, string containerName = DefaultContainerName) =>
        services.AddAzureStorage(StorageConnection.Parse(connectionString), containerName);

    public static IServiceCollection AddAzureStorage(this IServiceCollection services, StorageConnection connection, string containerName = DefaultContainerName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        services.Replace(ServiceDescriptor.Singleton(connection));
        services.Replace(ServiceDescriptor.Singleton<IBlobStore>(sp =>
            new AzureBlobStore(connection.GetBlobContainerClient(containerName, sp.GetService<BlobClientOptions>()), sp.GetService<ILogger<AzureBlobStore>>())));
        services.Replace(ServiceDescriptor.Singleton<IQueueProvider>(sp =>
            new AzureQueueProvider(connection, sp.GetService<QueueClientOptions>())));
        return services;
    }
}
