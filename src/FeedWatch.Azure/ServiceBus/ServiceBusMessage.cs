namespace FeedWatch.Azure.ServiceBus;

/// <summary>
/// A message to send: body, broker properties (sent in the BrokerProperties header) and application properties
/// (sent as custom headers, which subscriptions can filter on with SQL or correlation filters).
/// </summary>
public sealed class ServiceBusMessage(BinaryData body)
{
    public BinaryData Body { get; } = body ?? throw new ArgumentNullException(nameof(body));

    /// <summary>With duplicate detection enabled on the entity, a second message with the same id inside the window is dropped by the broker.</summary>
    public string? MessageId { get; set; }

    public string? ContentType { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>Called Label in the REST BrokerProperties.</summary>
    public string? Subject { get; set; }

    public string? SessionId { get; set; }
    public TimeSpan? TimeToLive { get; set; }
    public DateTimeOffset? ScheduledEnqueueTime { get; set; }

    /// <summary>String, bool, integer, floating-point or DateTimeOffset values.</summary>
    public IDictionary<string, object> ApplicationProperties { get; } = new Dictionary<string, object>(StringComparer.Ordinal);
}
