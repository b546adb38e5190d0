using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Blobs;
using FeedWatch.Azure.Storage.Queues;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Azure.Storage.Adapters;

/// <summary>Registers Azure Storage as the blob store and queue provider (replacing the embedded default if registered).</summary>
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
            new AzureBlobStore(new BlobContainerClient(connection, containerName, sp.GetService<BlobClientOptions>()), sp.GetService<ILogger<AzureBlobStore>>())));
        services.Replace(ServiceDescriptor.Singleton<IQueueProvider>(sp =>
            new AzureQueueProvider(connection, sp.GetService<QueueClientOptions>())));
        return services;
    }
}
