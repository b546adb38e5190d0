using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;

namespace FeedWatch.Azure.Alerts;

/// <summary>
/// Creates the SDK's <see cref="ServiceBusSender"/> for an alert sink: from a connection string (SAS; its EntityPath
/// or the configured one) or from a namespace with a Microsoft Entra credential (DefaultAzureCredential: managed
/// identity in Azure, developer credentials locally). Transient faults are retried with bounded exponential backoff.
/// </summary>
internal static class ServiceBusSenderFactory
{
    public static ServiceBusClientOptions ClientOptions(string sinkName) => new()
    {
        Identifier = "feedwatch-alerts-" + sinkName,
        RetryOptions = new ServiceBusRetryOptions
        {
            Mode = ServiceBusRetryMode.Exponential,
            MaxRetries = 5,
            Delay = TimeSpan.FromMilliseconds(800),
            MaxDelay = TimeSpan.FromSeconds(30),
            TryTimeout = TimeSpan.FromSeconds(60),
        },
    };

    public static ServiceBusSender FromConnectionString(string sinkName, string connectionString, string? entityPath)
    {
        ServiceBusConnectionStringProperties properties;
        try
        {
            properties = ServiceBusConnectionStringProperties.Parse(connectionString);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"Alert sink '{sinkName}': the Service Bus connection string is not valid: {ex.Message}", ex);
        }

        var entity = !string.IsNullOrEmpty(properties.EntityPath) ? properties.EntityPath : entityPath;
        if (string.IsNullOrEmpty(entity))
        {
            throw new InvalidOperationException($"Alert sink '{sinkName}' needs EntityPath (the queue or topic), in the connection string or as FeedWatch:Alerts:Sinks:{sinkName}:EntityPath.");
        }

        // A connection string naming its entity must be used without a second entity name (the SDK rejects a mismatch).
        var client = new ServiceBusClient(connectionString, ClientOptions(sinkName));
        return client.CreateSender(entity);
    }

    public static ServiceBusSender FromNamespace(string sinkName, Uri fullyQualifiedNamespace, string entityPath, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(fullyQualifiedNamespace);
        var client = new ServiceBusClient(fullyQualifiedNamespace.Host, credential ?? new DefaultAzureCredential(), ClientOptions(sinkName));
        return client.CreateSender(entityPath);
    }
}
