using System.Text.Json;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Core.Pipeline.Messages;

/// <summary>Queue message bodies are the message records as FeedWatch JSON; one place to write and read them.</summary>
public static class PipelineMessages
{
    public static Task<QueueMessage> SendMessageAsync<T>(this IQueueProvider queues, string queueName, T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        return queues.GetQueue(queueName).SendAsync(Serialize(message), null, cancellationToken);
    }

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, FeedWatchJson.Options);

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
