using Azure;
using Azure.Storage.Queues;
using FeedWatch.Core.Ports.Queues;
using QueueMessage = FeedWatch.Core.Ports.Queues.QueueMessage;

namespace FeedWatch.Azure.Storage.Adapters;

/// <summary>
/// <see cref="IMessageQueue"/> on an Azure Storage queue through the SDK's <see cref="QueueClient"/>. Bodies travel
/// base64-encoded (the client's <see cref="QueueMessageEncoding.Base64"/>, what the Functions queue trigger reads)
/// and never expire. Like the embedded queue it is lenient about a queue nobody created yet: sends create it,
/// reads of it find nothing. A stale pop receipt is "false" for deletes and <see cref="QueueMessageNotFoundException"/>
/// for visibility updates, exactly as the embedded queue answers.
/// </summary>
public sealed class AzureMessageQueue(QueueClient client) : IMessageQueue
{
    private const int MaxMessagesPerCall = 32;
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private volatile bool created;

    public string Name => client.Name;

    public QueueClient Client => client;

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        created = true;
    }

    public async Task<QueueMessage> SendAsync(string body, TimeSpan? initialVisibilityDelay = null, CancellationToken cancellationToken = default)
    {
        QueueMessageLimits.ValidateBody(body);
        Response<global::Azure.Storage.Queues.Models.SendReceipt> receipt;
        try
        {
            receipt = await client.SendMessageAsync(body, initialVisibilityDelay, NeverExpires, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && !created)
        {
            await CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            receipt = await client.SendMessageAsync(body, initialVisibilityDelay, NeverExpires, cancellationToken).ConfigureAwait(false);
        }

        var sent = receipt.Value;
        return new QueueMessage(sent.MessageId, sent.PopReceipt, body, 0, sent.InsertionTime, sent.TimeNextVisible);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ValidateBatch(maxMessages);
        try
        {
            var items = await client.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken).ConfigureAwait(false);
            return items.Value.Select(item => new QueueMessage(
                item.MessageId,
                item.PopReceipt ?? string.Empty,
                item.Body.ToString(),
                item.DequeueCount,
                item.InsertedOn ?? DateTimeOffset.UtcNow,
                item.NextVisibleOn ?? item.InsertedOn ?? DateTimeOffset.UtcNow)).ToList();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    public async Task<IReadOnlyList<QueueMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        ValidateBatch(maxMessages);
        try
        {
            var items = await client.PeekMessagesAsync(maxMessages, cancellationToken).ConfigureAwait(false);
            return items.Value.Select(item => new QueueMessage(
                item.MessageId,
                string.Empty,
                item.Body.ToString(),
                item.DequeueCount,
                item.InsertedOn ?? DateTimeOffset.UtcNow,
                item.InsertedOn ?? DateTimeOffset.UtcNow)).ToList();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    public async Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.DeleteMessageAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (IsStaleReceipt(ex))
        {
            return false;
        }
    }

    public async Task<QueueMessage> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            // No new body: the service keeps the message as it is and only moves its visibility.
            var receipt = await client.UpdateMessageAsync(message.Id, message.PopReceipt, (BinaryData?)null, visibilityTimeout, cancellationToken).ConfigureAwait(false);
            return message with { PopReceipt = receipt.Value.PopReceipt, NextVisibleOn = receipt.Value.NextVisibleOn };
        }
        catch (RequestFailedException ex) when (IsStaleReceipt(ex))
        {
            throw new QueueMessageNotFoundException(Name, message.Id);
        }
    }

    public async Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return (await client.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    // 404 MessageNotFound for a stale receipt; 400 when the receipt is not even well-formed (never issued by the service).
    private static bool IsStaleReceipt(RequestFailedException ex) => ex.Status is 404 or 400;

    private static void ValidateBatch(int maxMessages)
    {
        if (maxMessages is < 1 or > MaxMessagesPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"Between 1 and {MaxMessagesPerCall} messages per call.");
        }
    }
}
