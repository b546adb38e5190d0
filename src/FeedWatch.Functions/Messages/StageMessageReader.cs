using System.Text.Json;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Functions.Messages;

/// <summary>
/// Turns the text of a queue message (the host has already base64-decoded it, see host.json messageEncoding)
/// into the stage's message record, with the same JSON settings the pipeline writes them with.
/// </summary>
public static class StageMessageReader
{
    // Stricter than reading our own blobs: a message missing a field, or with null where the record does not allow
    // it, is rejected here with a clear error instead of reaching a handler half-filled.
    private static readonly JsonSerializerOptions StrictOptions = new(FeedWatchJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static TMessage Read<TMessage>(string? body, string queueName)
        where TMessage : class
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new InvalidStageMessageException(queueName, typeof(TMessage), "the message is empty");
        }

        try
        {
            return JsonSerializer.Deserialize<TMessage>(body, StrictOptions)
                ?? throw new InvalidStageMessageException(queueName, typeof(TMessage), "the message is JSON null");
        }
        catch (JsonException ex)
        {
            throw new InvalidStageMessageException(queueName, typeof(TMessage), ex.Message, ex);
        }
    }
}
