namespace FeedWatch.Alerts.Configuration;

/// <summary>One named sink under "FeedWatch:Alerts:Sinks:{name}". Which fields apply depends on <see cref="Type"/> (docs/alerts.md).</summary>
public sealed class AlertSinkOptions
{
    public AlertSinkType Type { get; set; }

    /// <summary>Webhook, Slack and Teams: the endpoint.</summary>
    public Uri? Url { get; set; }

    /// <summary>Webhook: the HMAC-SHA256 signing secret. Keep it in user secrets or the environment, never in the repo.</summary>
    public string? Secret { get; set; }

    /// <summary>HTTP sinks: time limit of one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>HTTP sinks: allow endpoints on private, loopback or link-local addresses (off by default).</summary>
    public bool AllowPrivateNetwork { get; set; }

    /// <summary>Queue and StorageQueue: the queue name (default feedwatch-alerts).</summary>
    public string? QueueName { get; set; }

    /// <summary>StorageQueue and ServiceBus: the connection string (ServiceBus: may carry EntityPath).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>ServiceBus: the queue or topic, when not in the connection string.</summary>
    public string? EntityPath { get; set; }

    /// <summary>ServiceBus with Microsoft Entra ID: https://{namespace}.servicebus.windows.net/ (no connection string).</summary>
    public Uri? FullyQualifiedNamespace { get; set; }
}
