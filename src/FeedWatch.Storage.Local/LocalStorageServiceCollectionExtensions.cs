using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Storage.Local.Blobs;
using FeedWatch.Storage.Local.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Storage.Local;

/// <summary>Registers the embedded default: blobs in "{dataDirectory}/blobs", queues in "{dataDirectory}/queues".</summary>
public static class LocalStorageServiceCollectionExtensions
{
    public static IServiceCollection AddLocalStorage(this IServiceCollection services, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var layout = new LocalStorageLayout(dataDirectory);
        services.TryAddSingleton(layout);
        services.Replace(ServiceDescriptor.Singleton<IBlobStore>(sp =>
            new LocalBlobStore(layout.BlobsDirectory, sp.GetService<ILogger<LocalBlobStore>>())));
        services.Replace(ServiceDescriptor.Singleton<IQueueProvider>(sp =>
            new LocalQueueProvider(layout.QueuesDirectory, sp.GetService<TimeProvider>(), sp.GetService<ILogger<LocalQueueProvider>>())));
        return services;
    }
}
