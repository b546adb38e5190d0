using Azure.Messaging.ServiceBus;
using FeedWatch.Alerts.Chat;
using FeedWatch.Alerts.Console;
using FeedWatch.Alerts.Net;
using FeedWatch.Alerts.Queues;
using FeedWatch.Alerts.ServiceBus;
using FeedWatch.Alerts.Webhooks;
using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Alerts.Configuration;

/// <summary>Builds sinks from their options, failing with a message that names the sink and the missing setting.</summary>
public sealed class AlertSinkFactory(IQueueProvider? queues, IStorageQueueConnector? storageQueues, TimeProvider time, TextWriter? console = null)
{
    public AlertSinkFactory(IQueueProvider? queues, TimeProvider time, TextWriter? console = null)
        : this(queues, null, time, console)
    {
    }

    public IAlertSink Create(string name, AlertSinkOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        return options.Type switch
        {
            AlertSinkType.Console => new ConsoleAlertSink(name, console ?? System.Console.Out),
            AlertSinkType.Queue => new QueueAlertSink(name, (queues ?? throw Missing(name, "a queue backend (IQueueProvider)")).GetQueue(options.QueueName ?? QueueNames.Alerts)),
            AlertSinkType.StorageQueue => new QueueAlertSink(name, StorageQueue(name, options)),
            AlertSinkType.ServiceBus => new ServiceBusAlertSink(name, CreateSender(name, options)),
            AlertSinkType.Webhook => new WebhookAlertSink(name, Url(name, options), options.Secret, Poster(options), time),
            AlertSinkType.Slack => new ChatWebhookAlertSink(name, Url(name, options), ChatFlavor.Slack, Poster(options)),
            AlertSinkType.Teams => new ChatWebhookAlertSink(name, Url(name, options), ChatFlavor.Teams, Poster(options)),
            _ => throw new InvalidOperationException($"Alert sink '{name}' has an unknown Type '{options.Type}'."),
        };
    }

    private IMessageQueue StorageQueue(string name, AlertSinkOptions options)
    {
        var connectionString = options.ConnectionString ?? throw Missing(name, "ConnectionString");
        var queueName = options.QueueName ?? QueueNames.Alerts;
        return storageQueues?.Connect(connectionString, queueName) ?? new AzureQueueProvider(StorageConnection.Parse(connectionString)).GetQueue(queueName);
    }

    private static ServiceBusSender CreateSender(string name, AlertSinkOptions options)
    {
        if (!string.IsNullOrEmpty(options.ConnectionString)) return ServiceBusSenderFactory.FromConnectionString(name, options.ConnectionString, options.EntityPath);
        if (options.FullyQualifiedNamespace is null) throw Missing(name, "ConnectionString or FullyQualifiedNamespace");
        // Managed identity in Azure, developer credentials locally.
        return ServiceBusSenderFactory.FromNamespace(name, options.FullyQualifiedNamespace, options.EntityPath ?? throw Missing(name, "EntityPath"));
    }

    private static Uri Url(string name, AlertSinkOptions options) =>
        options.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw Missing(name, "Url (an absolute http(s) URL)");

    private static JsonPoster Poster(AlertSinkOptions options) =>
        new(new HttpClient(OutboundHttp.CreateHandler(options.AllowPrivateNetwork)) { Timeout = Timeout.InfiniteTimeSpan }, options.Timeout);

    private static InvalidOperationException Missing(string name, string what) =>
        new($"Alert sink '{name}' ({nameof(AlertSinkOptions)}) needs {what}: set FeedWatch:Alerts:Sinks:{name}:… in configuration.");
}
