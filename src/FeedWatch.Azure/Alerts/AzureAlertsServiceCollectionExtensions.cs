using FeedWatch.Alerts.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedWatch.Azure.Alerts;

/// <summary>Makes the "StorageQueue" and "ServiceBus" alert sink types available to the alert configuration.</summary>
public static class AzureAlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAzureAlertSinks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertSinkBuilder, AzureAlertSinkBuilder>());
        return services;
    }
}
