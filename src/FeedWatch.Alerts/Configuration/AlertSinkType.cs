namespace FeedWatch.Alerts.Configuration;

/// <summary>The kinds of sink a "FeedWatch:Alerts:Sinks:{name}:Type" can name.</summary>
public enum AlertSinkType
{
    /// <summary>Readable text on standard output.</summary>
    Console,

    /// <summary>A queue of the pipeline's own backend (the embedded local alert queue, or Azure Storage with --storage).</summary>
    Queue,

    /// <summary>An Azure Storage queue with its own connection string.</summary>
    StorageQueue,

    /// <summary>An Azure Service Bus queue or topic.</summary>
    ServiceBus,

    /// <summary>A generic HTTPS endpoint receiving the signed CloudEvents JSON.</summary>
    Webhook,

    Slack,
    Teams,
}
