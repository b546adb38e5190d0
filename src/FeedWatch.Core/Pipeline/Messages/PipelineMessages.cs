using System.Text.Json;
using System.Text.Json.Nodes;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Serialization;
using FeedWatch.Core.Telemetry;

namespace FeedWatch.Core.Pipeline.Messages;

/// <summary>
/// Queue message bodies are the message records as FeedWatch JSON; one place to write and read them. Sending a
/// stage message (<see cref="ITracedMessage"/>) from inside a span stamps that span's W3C traceparent into the body,
/// so the receiving stage continues the trace on every queue backend (embedded, Azure queues, Functions triggers).
/// </summary>
public static class PipelineMessages
{
    private const string TraceParentProperty = "traceParent";

    public static Task<QueueMessage> SendMessageAsync<T>(this IQueueProvider queues, string queueName, T message, CancellationToken cancellationToken) =>
        SendMessageAsync(queues, queueName, message, null, cancellationToken);

    /// <summary>Sends a stage message, hidden for <paramref name="initialVisibilityDelay"/> first when given.</summary>
    public static Task<QueueMessage> SendMessageAsync<T>(this IQueueProvider queues, string queueName, T message, TimeSpan? initialVisibilityDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        return queues.GetQueue(queueName).SendAsync(SerializeTraced(message), initialVisibilityDelay, cancellationToken);
    }

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, FeedWatchJson.Options);

    /// <summary>
    /// <see cref="Serialize{T}"/>, with the current span's traceparent in place of the message's own when the message
    /// carries trace context and a span is current. Outside any span (no exporter, start-up recovery) the body is unchanged.
    /// </summary>
    public static string SerializeTraced<T>(T message)
    {
        if (message is not ITracedMessage || FeedWatchTracing.CurrentTraceParent() is not { } traceParent)
        {
            return Serialize(message);
        }

        var node = JsonSerializer.SerializeToNode(message, FeedWatchJson.Options)!.AsObject();
        node[TraceParentProperty] = traceParent;
        return node.ToJsonString(FeedWatchJson.Options);
    }

    /// <summary>Reads a message body; a body that is not the expected record throws <see cref="InvalidDataException"/> (poison at once).</summary>
    public static T Deserialize<T>(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, FeedWatchJson.Options)
                ?? throw new InvalidDataException($"The {typeof(T).Name} message body is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The message body is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }
}
