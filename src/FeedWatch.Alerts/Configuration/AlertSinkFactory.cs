using FeedWatch.Alerts.Chat;
using FeedWatch.Alerts.ConsoleOutput;
using FeedWatch.Alerts.Outbound;
using FeedWatch.Alerts.Queues;
using FeedWatch.Alerts.Webhooks;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Alerts.Configuration;

/// <summary>
/// Builds sinks from their options, failing with a message that names the sink and the missing setting. Sink types
/// whose transport lives elsewhere (Azure Storage queue, Service Bus) come from the registered
/// <see cref="IAlertSinkBuilder"/>s.
/// </summary>
public sealed class AlertSinkFactory(
    IQueueProvider? queues,
    TimeProvider time,
    IEnumerable<IAlertSinkBuilder>? builders = null,
    TextWriter? console = null)
{
    public IAlertSink Create(string name, AlertSinkOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        return options.Type switch
        {
            AlertSinkType.Console => new ConsoleAlertSink(name, console),
            AlertSinkType.Queue => new QueueAlertSink(name, Queues(name).GetQueue(options.QueueName ?? QueueNames.Alerts)),
            AlertSinkType.Webhook => new WebhookAlertSink(name, Url(name, options), options.Secret, Poster(options), time),
            AlertSinkType.Slack => new ChatWebhookAlertSink(name, Url(name, options), ChatFlavor.Slack, Poster(options)),
            AlertSinkType.Teams => new ChatWebhookAlertSink(name, Url(name, options), ChatFlavor.Teams, Poster(options)),
            AlertSinkType.StorageQueue or AlertSinkType.ServiceBus => FromBuilder(name, options),
            _ => throw new InvalidOperationException($"Alert sink '{name}' has an unknown Type '{options.Type}'."),
        };
    }

    /// <summary>The error for a sink whose options lack a setting it needs.</summary>
    public static InvalidOperationException Missing(string name, string what) =>
        new($"Alert sink '{name}' ({nameof(AlertSinkOptions)}) needs {what}: set FeedWatch:Alerts:Sinks:{name}:… in configuration.");

    private IAlertSink FromBuilder(string name, AlertSinkOptions options) =>
        builders?.FirstOrDefault(b => b.CanBuild(options.Type))?.Build(name, options)
        ?? throw new InvalidOperationException(
            $"Alert sink '{name}' has Type {options.Type}, which needs the Azure alert sinks: " +
            "register them with AddAzureAlertSinks() (FeedWatch.Azure; AddFeedWatch does).");

    private IQueueProvider Queues(string name) => queues ?? throw Missing(name, "a queue backend (IQueueProvider)");

    private static Uri Url(string name, AlertSinkOptions options) =>
        options.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw Missing(name, "Url (an absolute http(s) URL)");

    private static JsonPoster Poster(AlertSinkOptions options) =>
        new(new HttpClient(OutboundHttp.CreateHandler(options.AllowPrivateNetwork)) { Timeout = Timeout.InfiniteTimeSpan }, options.Timeout);
}
